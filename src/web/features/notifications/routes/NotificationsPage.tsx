import { Button, Link as DsLink, Paragraph, Switch, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Notification } from "../../../../contracts/notifications.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useNotifications } from "../api/listNotifications.ts";
import { useMarkAllNotificationsRead } from "../api/markAllNotificationsRead.ts";
import { useMarkNotificationRead } from "../api/markNotificationRead.ts";
import "../notifications.css";

/** Only paths inside the app are followed as links. */
function appPath(link: string | null): string | null {
  return link?.startsWith("/") && !link.startsWith("//") ? link : null;
}

/** /varsler — the person's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const onlyUnread = params.get("uleste") === "1";
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const all = notifications.data?.items ?? [];
  const unreadCount = notifications.data?.unreadCount ?? 0;
  const shown = onlyUnread ? all.filter((n) => !n.readAt) : all;

  function setOnlyUnread(value: boolean) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("uleste", "1");
        else next.delete("uleste");
        return next;
      },
      { replace: true },
    );
  }

  function readAll() {
    markAll.mutate(undefined, {
      onSuccess: () => announce(t("notifications.allMarked")),
      onError: (error) => announce(errorMessage(t, error)),
    });
  }

  return (
    <Page title={t("notifications.title")} lead={<Paragraph>{t("notifications.lead")}</Paragraph>}>
      {notifications.isPending ? (
        <Loading />
      ) : notifications.error ? (
        <LoadError error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : (
        <>
          <div className="toolbar">
            <Paragraph aria-live="polite">{t("notifications.unreadSummary", { count: unreadCount })}</Paragraph>
            <div className="button-row">
              <Switch
                label={t("notifications.onlyUnread")}
                checked={onlyUnread}
                onChange={(e) => setOnlyUnread(e.target.checked)}
              />
              <Button
                variant="secondary"
                onClick={readAll}
                disabled={unreadCount === 0 || markAll.isPending}
                loading={markAll.isPending}
              >
                {t("notifications.markAll")}
              </Button>
            </div>
          </div>
          {shown.length === 0 ? (
            <Paragraph>{onlyUnread ? t("notifications.noneUnread") : t("notifications.empty")}</Paragraph>
          ) : (
            <ul className="notification-list" aria-label={t("notifications.title")}>
              {shown.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpen={() => {
                    if (!n.readAt) markRead.mutate(n.id);
                  }}
                  onMarkRead={() =>
                    markRead.mutate(n.id, {
                      onSuccess: () => announce(t("notifications.marked")),
                      onError: (error) => announce(errorMessage(t, error)),
                    })
                  }
                />
              ))}
            </ul>
          )}
          {all.length >= 200 ? <Paragraph data-size="sm">{t("notifications.onlyNewest")}</Paragraph> : null}
        </>
      )}
    </Page>
  );
}

function NotificationItem({
  notification: n,
  onOpen,
  onMarkRead,
}: {
  notification: Notification;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t } = useTranslation();
  const unread = !n.readAt;
  const path = appPath(n.link);
  return (
    <li className={unread ? "notification unread" : "notification"}>
      <div className="notification-body">
        {unread ? (
          <Tag data-size="sm" data-color="info" className="notification-tag">
            {t("notifications.unread")}
          </Tag>
        ) : null}
        <span className="notification-text">
          {path ? (
            <DsLink asChild>
              <Link to={path} onClick={onOpen}>
                {n.text}
              </Link>
            </DsLink>
          ) : (
            n.text
          )}
        </span>
      </div>
      <div className="notification-meta">
        <time dateTime={n.createdAt} className="muted">
          {formatDateTime(n.createdAt)}
        </time>
        {unread && !path ? (
          <Button variant="tertiary" data-size="sm" onClick={onMarkRead}>
            {t("notifications.markRead")}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

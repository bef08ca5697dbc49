import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useUnreadCount } from "../api/listNotifications.ts";

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20" className="bell-icon">
      <path
        fill="currentColor"
        d="M12 2a1 1 0 0 1 1 1v1.07A7 7 0 0 1 19 11v3.59l1.7 1.7A1 1 0 0 1 20 18H4a1 1 0 0 1-.7-1.7L5 14.58V11a7 7 0 0 1 6-6.93V3a1 1 0 0 1 1-1Zm0 4a5 5 0 0 0-5 5v4a1 1 0 0 1-.3.7l-.28.3h11.16l-.29-.3A1 1 0 0 1 17 15v-4a5 5 0 0 0-5-5Zm-2.5 13h5a2.5 2.5 0 0 1-5 0Z"
      />
    </svg>
  );
}

/**
 * The bell in the header: a link to the notifications page with the number of unread ones, both
 * visible and in the link's name ("Varsler, 3 uleste"). The number is asked for every minute.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data: unread = 0 } = useUnreadCount();
  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");
  return (
    <NavLink to="/varsler" className="header-link bell-link" aria-label={label}>
      <BellIcon />
      <span className="bell-text">{t("notifications.bell")}</span>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

import { Card, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../components/Page.tsx";
import { AccessGate } from "../components/RoleGate.tsx";
import { usePendingAccountRequestCount } from "../features/accountRequests/api/listAccountRequests.ts";
import { may, useSession } from "../lib/session.ts";
import { ACCOUNT_REQUESTS, adminGroups } from "./adminSections.ts";
import "./admin.css";

/** `/admin`: the administration's pages in their groups, each with a line on what it is for. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const groups = adminGroups(me, t);
  const { data: pending = 0 } = usePendingAccountRequestCount(may(me, "accountRequests.review"));
  return (
    <AccessGate allowed={groups.length > 0}>
      <Page
        title={t("admin.title")}
        lead={<Paragraph>{t("admin.lead", { trust: me.activeTrust?.name ?? "" })}</Paragraph>}
      >
        <div className="admin-groups">
          {groups.map((group) => (
            <Card key={group.id} className="admin-group">
              <Heading level={2} data-size="sm" id={`admin-group-${group.id}`}>
                {group.label}
              </Heading>
              <ul aria-labelledby={`admin-group-${group.id}`} className="admin-group-list">
                {group.items.map((item) => {
                  const count = item.to === ACCOUNT_REQUESTS ? pending : 0;
                  return (
                    <li key={item.to}>
                      <DsLink asChild>
                        <Link to={item.to}>{item.label}</Link>
                      </DsLink>
                      {count > 0 ? (
                        <span className="nav-count admin-group-count">
                          <span aria-hidden="true">{count}</span>
                          <span className="ds-sr-only">{t("nav.accountRequestsWaiting", { count })}</span>
                        </span>
                      ) : null}
                      <Paragraph data-size="sm">{item.description}</Paragraph>
                    </li>
                  );
                })}
              </ul>
            </Card>
          ))}
        </div>
      </Page>
    </AccessGate>
  );
}

import { Alert, Card, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { type PublicTrust, usePublicTrusts } from "../api/listPublicTrusts.ts";
import { AccountRequestForm } from "../components/AccountRequestForm.tsx";
import "../accountRequests.css";

/** /be-om-tilgang — a person without an account asks a trust's admins for one (public). */
export function RequestAccessPage() {
  const { t } = useTranslation();
  const trusts = usePublicTrusts();
  const [sentTo, setSentTo] = useState<PublicTrust | null>(null);

  return (
    <Page title={t("accountRequests.request.title")} lead={<Paragraph>{t("accountRequests.request.lead")}</Paragraph>}>
      {sentTo ? (
        <Sent trust={sentTo} />
      ) : trusts.isPending ? (
        <Loading />
      ) : trusts.error ? (
        <LoadError error={trusts.error} onRetry={() => void trusts.refetch()} />
      ) : (
        <Card className="request-form-card">
          <AccountRequestForm trusts={trusts.data} onSent={setSentTo} />
        </Card>
      )}
      {sentTo ? null : (
        <Paragraph>
          <DsLink asChild>
            <Link to="/logg-inn">{t("accountRequests.request.haveAccount")}</Link>
          </DsLink>
        </Paragraph>
      )}
    </Page>
  );
}

/** The confirmation, focused so that it is read out at once. */
function Sent({ trust }: { trust: PublicTrust }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert data-color="success">
      <Heading level={2} data-size="xs" ref={ref} tabIndex={-1} className="focus-heading">
        {t("accountRequests.request.sentHeading")}
      </Heading>
      <Paragraph>{t("accountRequests.request.sent", { trust: trust.name })}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/logg-inn">{t("accountRequests.request.backToSignIn")}</Link>
        </DsLink>
      </Paragraph>
    </Alert>
  );
}

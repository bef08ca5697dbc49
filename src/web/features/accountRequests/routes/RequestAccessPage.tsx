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
  const [sent, setSent] = useState<{ trust: PublicTrust; notices: string[] } | null>(null);

  return (
    <Page title={t("accountRequests.request.title")} lead={<Paragraph>{t("accountRequests.request.lead")}</Paragraph>}>
      {sent ? (
        <Sent trust={sent.trust} notices={sent.notices} />
      ) : trusts.isPending ? (
        <Loading />
      ) : trusts.error ? (
        <LoadError error={trusts.error} onRetry={() => void trusts.refetch()} />
      ) : (
        <Card className="request-form-card">
          <AccountRequestForm trusts={trusts.data} onSent={(trust, notices) => setSent({ trust, notices })} />
        </Card>
      )}
      {sent ? null : (
        <Paragraph>
          <DsLink asChild>
            <Link to="/logg-inn">{t("accountRequests.request.haveAccount")}</Link>
          </DsLink>
        </Paragraph>
      )}
    </Page>
  );
}

/** The confirmation, focused so that it is read out at once, with what was changed in the text. */
function Sent({ trust, notices }: { trust: PublicTrust; notices: string[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert data-color="success">
      <Heading level={2} data-size="xs" ref={ref} tabIndex={-1} className="focus-heading">
        {t("accountRequests.request.sentHeading")}
      </Heading>
      <Paragraph>{t("accountRequests.request.sent", { trust: trust.name })}</Paragraph>
      {notices.map((text) => (
        <Paragraph key={text}>{text}</Paragraph>
      ))}
      <Paragraph>
        <DsLink asChild>
          <Link to="/logg-inn">{t("accountRequests.request.backToSignIn")}</Link>
        </DsLink>
      </Paragraph>
    </Alert>
  );
}

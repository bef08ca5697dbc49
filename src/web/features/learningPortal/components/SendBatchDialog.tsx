import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { LearningPortalItem } from "../../../../contracts/learning-portal.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useSendLearningPortalBatch } from "../api/sendLearningPortalBatch.ts";

/** "Send bestilling": asks first, naming the address and saying that no ID number is sent. */
export function SendBatchDialog({
  open,
  address,
  people,
  onClose,
  onDone,
}: {
  open: boolean;
  address: string;
  people: readonly LearningPortalItem[];
  onClose: () => void;
  onDone: (batch: { number: number; personCount: number }) => void;
}) {
  const { t } = useTranslation();
  const send = useSendLearningPortalBatch();
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <FormDialog open={open} title={t("learningPortal.send.title", { count: people.length })} onClose={close}>
      <div className="form">
        <Paragraph>{t("learningPortal.send.lead", { count: people.length, address })}</Paragraph>
        <ul>
          {people.map((p) => (
            <li key={p.personId}>
              {p.firstName} {p.lastName}
              {p.homeInstitution ? `, ${p.homeInstitution}` : ""}
            </li>
          ))}
        </ul>
        <Paragraph>{t("learningPortal.send.noId")}</Paragraph>
        {send.error ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>{errorMessage(t, send.error)}</Paragraph>
          </Alert>
        ) : null}
        <div className="button-row">
          <Button
            type="button"
            loading={send.isPending}
            onClick={() =>
              send.mutate({ personIds: people.map((p) => p.personId) }, { onSuccess: (batch) => onDone(batch) })
            }
          >
            {t("learningPortal.send.submit", { count: people.length })}
          </Button>
          <Button type="button" variant="secondary" onClick={close}>
            {t("common.cancel")}
          </Button>
        </div>
      </div>
    </FormDialog>
  );
}

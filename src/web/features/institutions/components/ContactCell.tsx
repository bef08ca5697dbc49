import { Link } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { PersonRef } from "../../../../contracts/common.ts";

/** A contact person with a mail link, or "none". */
export function ContactCell({ person }: { person: PersonRef | null | undefined }) {
  const { t } = useTranslation();
  if (!person) return <span className="muted">{t("agreements.noContact")}</span>;
  return (
    <span>
      {person.name}
      <br />
      <Link href={`mailto:${person.email}`}>{person.email}</Link>
    </span>
  );
}

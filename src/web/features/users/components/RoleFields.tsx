import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Institution } from "../../../../contracts/institutions.ts";
import { heldForInstitution } from "../../../../contracts/policies.ts";
import { type Role, roles } from "../../../../contracts/vocabulary.ts";
import { compareText } from "../../../lib/format.ts";

/** Role, and the institution when the role is coordinator (the only role tied to an institution). */
export function RoleFields({
  role,
  institutionId,
  onRole,
  onInstitution,
  institutions,
  roleId,
  institutionFieldId,
  roleError,
  institutionError,
}: {
  role: Role | "";
  institutionId: string;
  onRole: (role: Role | "") => void;
  onInstitution: (id: string) => void;
  institutions: Institution[];
  roleId: string;
  institutionFieldId: string;
  roleError?: string;
  institutionError?: string;
}) {
  const { t } = useTranslation();
  const sorted = [...institutions].sort((a, b) => compareText(a.name, b.name));
  return (
    <>
      <Field>
        <Label htmlFor={roleId}>{t("users.role")}</Label>
        <Select
          id={roleId}
          value={role}
          aria-invalid={roleError ? true : undefined}
          onChange={(e) => onRole(e.target.value as Role | "")}
        >
          <Select.Option value="">{t("common.choose")}</Select.Option>
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`roles.${r}`)}
            </Select.Option>
          ))}
        </Select>
        {roleError ? <ValidationMessage>{roleError}</ValidationMessage> : null}
      </Field>
      {heldForInstitution(role) ? (
        <Field>
          <Label htmlFor={institutionFieldId}>{t("users.institution")}</Label>
          <Select
            id={institutionFieldId}
            value={institutionId}
            aria-invalid={institutionError ? true : undefined}
            onChange={(e) => onInstitution(e.target.value)}
          >
            <Select.Option value="">{t("common.choose")}</Select.Option>
            {sorted.map((i) => (
              <Select.Option key={i.id} value={i.id}>
                {i.name} ({i.shortName})
              </Select.Option>
            ))}
          </Select>
          {institutionError ? <ValidationMessage>{institutionError}</ValidationMessage> : null}
        </Field>
      ) : null}
    </>
  );
}

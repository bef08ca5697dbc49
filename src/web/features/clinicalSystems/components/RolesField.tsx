import { Button, Fieldset, ValidationMessage } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type FormFields, FormTextfield } from "../../../components/FormTextfield.tsx";

/** One role being edited; `key` keeps its field when others are added or removed. */
export type RoleDraft = { key: number; name: string };

/**
 * A system's roles as a list of text fields (`roles.0`, `roles.1` … as the server names them),
 * each removable but for the roles a current access profile gives (`givenBy` names the
 * professions), and a button that adds one and puts the focus in it.
 */
export function RolesField({
  form,
  roles,
  onChange,
  givenBy,
}: {
  form: FormFields;
  roles: RoleDraft[];
  onChange: (roles: RoleDraft[]) => void;
  givenBy: (role: string) => string[];
}) {
  const { t } = useTranslation();
  const added = useRef<number | null>(null);
  useEffect(() => {
    if (added.current === null) return;
    document.getElementById(form.fieldId(`roles.${added.current}`))?.focus();
    added.current = null;
  });
  const nextKey = () => Math.max(0, ...roles.map((r) => r.key)) + 1;

  return (
    <Fieldset>
      <Fieldset.Legend>{t("clinicalSystems.roles")}</Fieldset.Legend>
      <Fieldset.Description>{t("clinicalSystems.rolesHint")}</Fieldset.Description>
      {form.fieldErrors.roles ? (
        <ValidationMessage id={form.fieldId("roles")}>{form.fieldErrors.roles}</ValidationMessage>
      ) : null}
      <ol className="role-list">
        {roles.map((role, index) => {
          const professions = givenBy(role.name);
          const label = t("clinicalSystems.roleNumber", { number: index + 1 });
          return (
            <li key={role.key} className="role-row">
              <FormTextfield
                form={form}
                name={`roles.${index}`}
                label={label}
                description={
                  professions.length > 0
                    ? t("clinicalSystems.roleGivenBy", { professions: professions.join(", ") })
                    : undefined
                }
                value={role.name}
                onValue={(name) => onChange(roles.map((r) => (r.key === role.key ? { ...r, name } : r)))}
              />
              {professions.length === 0 && roles.length > 1 ? (
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t("clinicalSystems.removeRoleNamed", { name: role.name || label })}
                  onClick={() => onChange(roles.filter((r) => r.key !== role.key))}
                >
                  {t("clinicalSystems.removeRole")}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => {
            added.current = roles.length;
            onChange([...roles, { key: nextKey(), name: "" }]);
          }}
        >
          {t("clinicalSystems.addRole")}
        </Button>
      </div>
    </Fieldset>
  );
}

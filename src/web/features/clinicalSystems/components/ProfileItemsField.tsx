import { Button, Fieldset, ValidationMessage } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ClinicalSystem } from "../../../../contracts/clinical-systems.ts";
import type { FormFields } from "../../../components/FormTextfield.tsx";
import { SelectField } from "./SelectField.tsx";

/** One line being edited: a system and the role in it; `key` keeps its fields when others change. */
export type ItemDraft = { key: number; systemId: string; role: string };

/**
 * A profile's systems, one line each with the system and the role the students get there
 * (`items.0.systemId`, `items.0.role` as the server names them); lines are added (the focus goes
 * to the new line's system) and removed.
 */
export function ProfileItemsField({
  form,
  items,
  systems,
  onChange,
}: {
  form: FormFields;
  items: ItemDraft[];
  systems: ClinicalSystem[];
  onChange: (items: ItemDraft[]) => void;
}) {
  const { t } = useTranslation();
  const added = useRef<number | null>(null);
  useEffect(() => {
    if (added.current === null) return;
    document.getElementById(form.fieldId(`items.${added.current}.systemId`))?.focus();
    added.current = null;
  });
  const set = (key: number, change: Partial<ItemDraft>) =>
    onChange(items.map((item) => (item.key === key ? { ...item, ...change } : item)));

  return (
    <Fieldset>
      <Fieldset.Legend>{t("accessProfiles.items")}</Fieldset.Legend>
      <Fieldset.Description>{t("accessProfiles.itemsHint")}</Fieldset.Description>
      {form.fieldErrors.items ? (
        <ValidationMessage id={form.fieldId("items")}>{form.fieldErrors.items}</ValidationMessage>
      ) : null}
      <ol className="item-list">
        {items.map((item, index) => {
          const system = systems.find((s) => s.id === item.systemId);
          const number = index + 1;
          return (
            <li key={item.key} className="item-row">
              <SelectField
                form={form}
                name={`items.${index}.systemId`}
                label={t("accessProfiles.systemNumber", { number })}
                value={item.systemId}
                onValue={(systemId) => {
                  const roles = systems.find((s) => s.id === systemId)?.roles ?? [];
                  set(item.key, { systemId, role: roles.length === 1 ? (roles[0] as string) : "" });
                }}
                options={systems.map((s) => ({ value: s.id, label: s.name }))}
              />
              <SelectField
                form={form}
                name={`items.${index}.role`}
                label={t("accessProfiles.roleNumber", { number })}
                value={system?.roles.includes(item.role) ? item.role : ""}
                onValue={(role) => set(item.key, { role })}
                options={(system?.roles ?? []).map((r) => ({ value: r, label: r }))}
              />
              {items.length > 1 ? (
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t("accessProfiles.removeItemNamed", { name: system?.name ?? number })}
                  onClick={() => onChange(items.filter((i) => i.key !== item.key))}
                >
                  {t("accessProfiles.removeItem")}
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
            added.current = items.length;
            onChange([...items, { key: Math.max(0, ...items.map((i) => i.key)) + 1, systemId: "", role: "" }]);
          }}
        >
          {t("accessProfiles.addItem")}
        </Button>
      </div>
    </Fieldset>
  );
}

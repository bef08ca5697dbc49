import { Button, Field, Fieldset, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormFields } from "../../../components/FormTextfield.tsx";

type Action = "label" | "up" | "down";

/**
 * A file's columns and their order (a trust setting: the HR transfer file, the ordering portal's
 * file): each chosen column moves up or down or goes by buttons, so the keyboard does all of it,
 * and the focus stays with the column it moved; the columns not chosen can be added; "back to
 * default" restores the contract's order.
 */
export function ColumnOrderField<C extends string>({
  form,
  name,
  columns,
  defaults,
  label,
  hint,
  value,
  onValue,
}: {
  form: FormFields;
  /** The setting's field (its label in the form's labels, its errors by this path). */
  name: string;
  /** Every column there is, in the contract's order. */
  columns: readonly C[];
  defaults: readonly C[];
  label: (column: C) => string;
  hint: string;
  value: C[];
  onValue: (columns: C[]) => void;
}) {
  const { t } = useTranslation();
  const error = form.fieldErrors[name];
  const rest = columns.filter((c) => !value.includes(c));
  const [adding, setAdding] = useState<C | "">("");
  const focusables = useRef(new Map<string, HTMLElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const keyOf = (c: string, a: Action) => `${c}:${a}`;
  const ref = (key: string) => (el: HTMLElement | null) => {
    if (el) focusables.current.set(key, el);
    else focusables.current.delete(key);
  };

  useEffect(() => {
    if (!focusNext) return;
    focusables.current.get(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  function move(i: number, by: -1 | 1) {
    const next = [...value];
    const [c] = next.splice(i, 1) as [C];
    next.splice(i + by, 0, c);
    onValue(next);
    const at = i + by;
    const edge = (by === -1 && at === 0) || (by === 1 && at === next.length - 1);
    setFocusNext(keyOf(c, edge ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down"));
  }

  function remove(i: number) {
    const next = value.filter((_, j) => j !== i);
    onValue(next);
    const neighbour = next[i] ?? next[i - 1];
    setFocusNext(neighbour ? keyOf(neighbour, "label") : "add");
  }

  function add() {
    if (!adding) return;
    onValue([...value, adding]);
    setFocusNext(keyOf(adding, "label"));
    setAdding("");
  }

  return (
    <Fieldset>
      <Fieldset.Legend>{form.labels[name]}</Fieldset.Legend>
      <Fieldset.Description>{hint}</Fieldset.Description>
      <ol className="column-order" id={form.fieldId(name)} tabIndex={-1} aria-invalid={error ? true : undefined}>
        {value.map((c, i) => (
          <li key={c}>
            <span ref={ref(keyOf(c, "label"))} tabIndex={-1} className="column-order-name">
              {label(c)}
            </span>
            <span className="column-order-buttons">
              <Button
                ref={ref(keyOf(c, "up"))}
                type="button"
                variant="tertiary"
                data-size="sm"
                disabled={i === 0}
                aria-label={t("settings.moveUp", { column: label(c) })}
                onClick={() => move(i, -1)}
              >
                {t("settings.up")}
              </Button>
              <Button
                ref={ref(keyOf(c, "down"))}
                type="button"
                variant="tertiary"
                data-size="sm"
                disabled={i === value.length - 1}
                aria-label={t("settings.moveDown", { column: label(c) })}
                onClick={() => move(i, 1)}
              >
                {t("settings.down")}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                disabled={value.length === 1}
                aria-label={t("settings.removeColumn", { column: label(c) })}
                onClick={() => remove(i)}
              >
                {t("settings.remove")}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      <div className="button-row column-order-add">
        {rest.length > 0 ? (
          <>
            <Field>
              <Label htmlFor={`${form.fieldId(name)}-add`}>{t("settings.addColumn")}</Label>
              <Select
                id={`${form.fieldId(name)}-add`}
                ref={ref("add")}
                value={adding}
                onChange={(e) => setAdding(e.target.value as C | "")}
              >
                <Select.Option value="">{t("common.choose")}</Select.Option>
                {rest.map((c) => (
                  <Select.Option key={c} value={c}>
                    {label(c)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button type="button" variant="secondary" onClick={add} disabled={!adding}>
              {t("settings.add")}
            </Button>
          </>
        ) : null}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            onValue([...defaults]);
            setFocusNext(keyOf(defaults[0] as string, "label"));
          }}
        >
          {t("settings.defaultColumns")}
        </Button>
      </div>
    </Fieldset>
  );
}

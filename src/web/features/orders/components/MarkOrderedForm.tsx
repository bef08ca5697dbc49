import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderSummary } from "../../../../contracts/orders.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useMarkOrdered } from "../api/markOrdered.ts";

/** Asks for the ordering portal's reference and marks the draft ordered (the lines go to the IT provider's queue). */
export function MarkOrderedForm({
  order,
  onSaved,
  onCancel,
}: {
  order: OrderSummary;
  onSaved: (order: OrderSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = { reference: t("orders.reference") };
  const form = useFormErrors("order-mark", labels);
  const mark = useMarkOrdered();
  const [reference, setReference] = useState("");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = reference.trim();
    if (!value) {
      form.fail({ reference: t("orders.referenceMissing") });
      return;
    }
    form.reset();
    mark.mutate({ id: order.id, reference: value }, { onSuccess: onSaved, onError: (e) => form.failFromServer(e) });
  }

  return (
    <DialogForm
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={mark.isPending}
      submitLabel={t("orders.markOrdered")}
    >
      <FormTextfield
        form={form}
        name="reference"
        description={t("orders.referenceHint")}
        value={reference}
        onValue={setReference}
        required
      />
    </DialogForm>
  );
}

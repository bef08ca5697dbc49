import { Label, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";

/** A file chooser with its label and hint, for the upload dialogs (the overviews' and Webcruiter's imports). */
export function FileField({
  label,
  hint,
  accept,
  disabled,
  onChoose,
}: {
  label: string;
  hint: string;
  accept: string;
  disabled: boolean;
  onChoose: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <div className="ds-field">
      <Label htmlFor={id}>{label}</Label>
      <Paragraph data-size="sm" id={`${id}-hint`} className="muted">
        {hint}
      </Paragraph>
      <input
        id={id}
        type="file"
        className="file-input"
        accept={accept}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}

import { Textfield } from "@digdir/designsystemet-react";

/** The search field above a list; filtering happens as one types. */
export function SearchField({
  label,
  value,
  onChange,
  id,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  id?: string;
}) {
  return (
    <Textfield
      className="search-field"
      label={label}
      type="search"
      id={id}
      value={value}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

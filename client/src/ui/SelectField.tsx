import type { ComponentPropsWithRef, ReactNode } from "react";
import { FieldError, FieldHint, OptionalMarker, useFieldIds, type FieldProps } from "./Field.tsx";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectFieldProps = FieldProps &
  Omit<ComponentPropsWithRef<"select">, "children"> & {
    options?: readonly SelectOption[];
    /** A first, empty choice such as "Vælg …". */
    placeholder?: string;
    /** <option>/<optgroup> elements, for grouped choices; used after `options`. */
    children?: ReactNode;
  };

export function SelectField({ label, hint, error, optional, id, className, options = [], placeholder, children, "aria-describedby": describedBy, ...selectProps }: SelectFieldProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  return (
    <div className={["field", error && "field--error", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={ids.controlId}>
        {label}
        <OptionalMarker optional={optional} />
      </label>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} message={error} />
      <select
        id={ids.controlId}
        className="field__control field__control--select"
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...selectProps}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}

import type { ComponentPropsWithRef } from "react";
import { FieldError, FieldHint, OptionalMarker, useFieldIds, type FieldProps } from "./Field.tsx";

export type TextFieldProps = FieldProps & Omit<ComponentPropsWithRef<"input">, "children">;

/** A labelled <input>; every other prop (name, type, value, onChange, autoComplete, …) goes to the input. */
export function TextField({ label, hint, error, optional, id, className, "aria-describedby": describedBy, ...inputProps }: TextFieldProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  return (
    <div className={["field", error && "field--error", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={ids.controlId}>
        {label}
        <OptionalMarker optional={optional} />
      </label>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} message={error} />
      <input
        id={ids.controlId}
        className="field__control"
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...inputProps}
      />
    </div>
  );
}

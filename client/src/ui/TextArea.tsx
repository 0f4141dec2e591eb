import type { ComponentPropsWithRef } from "react";
import { FieldError, FieldHint, OptionalMarker, useFieldIds, type FieldProps } from "./Field.tsx";

export type TextAreaProps = FieldProps & Omit<ComponentPropsWithRef<"textarea">, "children">;

export function TextArea({ label, hint, error, optional, id, className, rows = 5, "aria-describedby": describedBy, ...textareaProps }: TextAreaProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  return (
    <div className={["field", error && "field--error", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={ids.controlId}>
        {label}
        <OptionalMarker optional={optional} />
      </label>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} message={error} />
      <textarea
        id={ids.controlId}
        className="field__control field__control--textarea"
        rows={rows}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...textareaProps}
      />
    </div>
  );
}

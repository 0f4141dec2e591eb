import type { ComponentPropsWithRef } from "react";
import { CprHint, FieldError, FieldHint, OptionalMarker, useFieldIds, useLiveCprGuard, type FieldProps } from "./Field.tsx";

export type TextAreaProps = FieldProps &
  Omit<ComponentPropsWithRef<"textarea">, "children"> & {
    /** Warn as the user types when the text holds a CPR-like number. On by default: a text area is free text. */
    cprGuard?: boolean;
  };

export function TextArea({ label, hint, error, optional, id, className, rows = 5, cprGuard = true, "aria-describedby": describedBy, ...textareaProps }: TextAreaProps) {
  const guard = useLiveCprGuard(textareaProps.value, textareaProps.defaultValue, textareaProps.onChange, cprGuard);
  const shownError = error ?? null;
  const ids = useFieldIds(id, hint, shownError, describedBy);
  const cprHintId = `${ids.controlId}-cpr`;
  return (
    <div className={["field", (shownError || guard.hint) && "field--error", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={ids.controlId}>
        {label}
        <OptionalMarker optional={optional} />
      </label>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldError id={ids.errorId} message={shownError} />
      <CprHint id={cprHintId} message={guard.hint} />
      <textarea
        id={ids.controlId}
        className="field__control field__control--textarea"
        rows={rows}
        aria-describedby={[ids.describedBy, guard.hint ? cprHintId : null].filter(Boolean).join(" ") || undefined}
        aria-invalid={shownError || guard.hint ? true : undefined}
        {...textareaProps}
        onChange={guard.wrapChange}
      />
    </div>
  );
}

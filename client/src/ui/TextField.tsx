import type { ComponentPropsWithRef } from "react";
import { CprHint, FieldError, FieldHint, OptionalMarker, useFieldIds, useLiveCprGuard, type FieldProps } from "./Field.tsx";

export type TextFieldProps = FieldProps &
  Omit<ComponentPropsWithRef<"input">, "children"> & {
    /** Warn as the user types when the text holds a CPR-like number. On for free text by default. */
    cprGuard?: boolean;
  };

const FREE_TEXT_TYPES = new Set([undefined, "text", "search"]);

/** A labelled <input>; every other prop (name, type, value, onChange, autoComplete, …) goes to the input. */
export function TextField({ label, hint, error, optional, id, className, cprGuard, "aria-describedby": describedBy, ...inputProps }: TextFieldProps) {
  const guard = useLiveCprGuard(inputProps.value, inputProps.defaultValue, inputProps.onChange, cprGuard ?? FREE_TEXT_TYPES.has(inputProps.type));
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
      <input
        id={ids.controlId}
        className="field__control"
        aria-describedby={[ids.describedBy, guard.hint ? cprHintId : null].filter(Boolean).join(" ") || undefined}
        aria-invalid={shownError || guard.hint ? true : undefined}
        {...inputProps}
        onChange={guard.wrapChange}
      />
    </div>
  );
}

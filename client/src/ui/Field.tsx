import { useId, useState, type ChangeEvent, type ReactNode } from "react";
import { useCprHint } from "./cpr-hint.ts";
import { useT } from "../i18n/i18n.tsx";

// Shared by the field components: one label, an optional hint and an optional error, with the
// hint and error tied to the control through aria-describedby (WCAG 1.3.1, 3.3.1, 3.3.2).

export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the label and announced with the control; also sets aria-invalid. */
  error?: string | null;
  /** Adds "(valgfrit)" to the label. We mark the optional fields, as most fields are required. */
  optional?: boolean;
};

export type FieldIds = { controlId: string; hintId: string | undefined; errorId: string | undefined; describedBy: string | undefined };

export function useFieldIds(id: string | undefined, hint: ReactNode, error: string | null | undefined, describedBy?: string): FieldIds {
  const generated = useId();
  const controlId = id ?? `field${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const ids = [describedBy, hintId, errorId].filter(Boolean).join(" ");
  return { controlId, hintId, errorId, describedBy: ids || undefined };
}

export function OptionalMarker({ optional }: { optional?: boolean }) {
  const t = useT();
  return optional ? <span className="field__optional"> {t("common.optional")}</span> : null;
}

export function FieldHint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return id ? (
    <div id={id} className="field__hint">
      {children}
    </div>
  ) : null;
}

export function FieldError({ id, message }: { id: string | undefined; message: string | null | undefined }) {
  const t = useT();
  return id && message ? (
    <p id={id} className="field__error">
      <span className="visually-hidden">{t("common.errorPrefix")} </span>
      {message}
    </p>
  ) : null;
}

/**
 * The CPR guard while typing: watches the control's text (the `value` prop when controlled,
 * otherwise what was typed) and returns the refusal text as soon as it holds a CPR-like number.
 * `wrapChange` must wrap the control's onChange so uncontrolled fields are watched too.
 */
export function useLiveCprGuard<E extends HTMLInputElement | HTMLTextAreaElement>(
  value: unknown,
  defaultValue: unknown,
  onChange: ((event: ChangeEvent<E>) => void) | undefined,
  enabled: boolean,
) {
  const [typed, setTyped] = useState<string>(typeof defaultValue === "string" ? defaultValue : "");
  const current = typeof value === "string" ? value : typed;
  const hint = useCprHint(current, enabled);
  const wrapChange = (event: ChangeEvent<E>) => {
    if (value === undefined) setTyped(event.target.value);
    onChange?.(event);
  };
  return { hint, wrapChange };
}

/** Always rendered, so screen readers announce the CPR hint the moment it appears. */
export function CprHint({ id, message }: { id: string; message: string | null }) {
  return (
    <div aria-live="polite" className="field__live">
      {message && (
        <p id={id} className="field__error" data-cpr-hint="">
          {message}
        </p>
      )}
    </div>
  );
}

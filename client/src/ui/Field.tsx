import { useId, type ReactNode } from "react";
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

import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from "react";

export type ErrorSummaryItem = {
  message: string;
  /** The control's id, or its name within the surrounding form; the link moves focus there. */
  fieldId?: string;
  fieldName?: string;
};

function findControl(summary: HTMLElement | null, item: ErrorSummaryItem): HTMLElement | null {
  if (item.fieldId) return document.getElementById(item.fieldId);
  if (!item.fieldName) return null;
  const control = summary?.closest("form")?.elements.namedItem(item.fieldName);
  if (control instanceof RadioNodeList) return (control[0] as HTMLElement | undefined) ?? null;
  return control instanceof HTMLElement ? control : null;
}

/**
 * Lists a form's errors at its top after a failed submit and takes focus, so keyboard and
 * screen-reader users learn at once what went wrong; each entry jumps to its field.
 */
export function ErrorSummary({ title, errors, children }: { title: ReactNode; errors: readonly ErrorSummaryItem[]; children?: ReactNode }) {
  const summary = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  if (errors.length === 0 && !children) return null;

  const jumpTo = (event: MouseEvent<HTMLAnchorElement>, item: ErrorSummaryItem) => {
    const control = findControl(summary.current, item);
    if (!control) return;
    event.preventDefault();
    control.focus();
    control.scrollIntoView({ block: "center" });
  };

  return (
    <div ref={summary} className="error-summary" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId} className="error-summary__title">
        {title}
      </h2>
      {children}
      <ul className="error-summary__list">
        {errors.map((item, index) => (
          <li key={`${item.fieldId ?? item.fieldName ?? ""}-${index}`}>
            {item.fieldId || item.fieldName ? (
              <a href={`#${item.fieldId ?? item.fieldName}`} onClick={(event) => jumpTo(event, item)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

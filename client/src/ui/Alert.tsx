import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

/**
 * A message box. Errors use role="alert" (announced at once); other tones use role="status"
 * (announced politely). The tone is also written in the title, never shown by colour alone.
 */
export function Alert({ tone = "info", title, children }: { tone?: AlertTone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}

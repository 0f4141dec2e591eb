import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

/**
 * A short label such as "Åben nu"; the words carry the meaning, the colour only repeats it.
 * `label` names what the badge is ("Status", "Type") for screen readers, so two badges side by
 * side are never read as one phrase ("Modtaget Brobygning").
 */
export function Badge({ tone = "neutral", label, children }: { tone?: BadgeTone; label?: string; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`}>
      {label && <span className="visually-hidden">{label}: </span>}
      {children}
    </span>
  );
}

/** Several badges as a list, each its own item for assistive technology. */
export function BadgeList({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <ul className={["badge-list", className].filter(Boolean).join(" ")}>
      {children}
    </ul>
  );
}

import type { ReactNode } from "react";

/** Text for screen readers only, e.g. to give context a sighted reader gets from the layout. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

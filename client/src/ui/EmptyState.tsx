import type { ReactNode } from "react";
import type { HeadingLevel } from "./Card.tsx";

/** What to show instead of an empty list: say what is missing and what the reader can do. */
export function EmptyState({ title, headingLevel = 2, action, children }: { title: ReactNode; headingLevel?: HeadingLevel; action?: ReactNode; children?: ReactNode }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="empty-state">
      <Heading className="empty-state__title">{title}</Heading>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}

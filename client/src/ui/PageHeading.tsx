import type { ReactNode } from "react";

/**
 * The page's only h1. tabIndex -1 lets the router move focus here after navigation without
 * adding it to the tab order.
 */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{children}</h1>
      {lead && <p className="page-heading__lead">{lead}</p>}
    </div>
  );
}

import type { ReactNode } from "react";

export type HeadingLevel = 2 | 3 | 4;

export type CardProps = {
  title?: ReactNode;
  /** Keep the page's heading outline unbroken: 2 under the page h1, 3 inside a section, … */
  headingLevel?: HeadingLevel;
  as?: "section" | "article" | "div" | "li";
  footer?: ReactNode;
  /** Printed on its own with a border (e.g. the centre card a citizen takes home). */
  printable?: boolean;
  className?: string;
  children?: ReactNode;
};

export function Card({ title, headingLevel = 2, as: Element = "section", footer, printable = false, className, children }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  const classes = ["card", printable && "card--printable", className].filter(Boolean).join(" ");
  return (
    <Element className={classes}>
      {title && <Heading className="card__title">{title}</Heading>}
      <div className="card__body">{children}</div>
      {footer && <div className="card__footer">{footer}</div>}
    </Element>
  );
}

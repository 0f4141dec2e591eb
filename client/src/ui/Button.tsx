import type { ComponentPropsWithRef, MouseEvent } from "react";
import { useT } from "../i18n/i18n.tsx";
import { Spinner } from "./Spinner.tsx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";

/** For links that look like buttons: `<Link className={buttonClassName("secondary")}>`. */
export function buttonClassName(variant: ButtonVariant = "primary", className?: string): string {
  return ["button", `button--${variant}`, className].filter(Boolean).join(" ");
}

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: ButtonVariant;
  /** While true the button shows a spinner and ignores clicks, but keeps focus (unlike `disabled`). */
  busy?: boolean;
};

export function Button({ variant = "primary", busy = false, type = "button", className, onClick, children, ...rest }: ButtonProps) {
  const t = useT();
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      type={type}
      className={buttonClassName(variant, className)}
      aria-disabled={busy || undefined}
      onClick={handleClick}
      {...rest}
    >
      {busy && <Spinner size="small" label={t("common.loading")} />}
      {children}
    </button>
  );
}

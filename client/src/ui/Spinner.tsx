import type { ReactNode } from "react";
import { useT } from "../i18n/i18n.tsx";

/** An animated indicator with a status label; the label is announced, the animation is not. */
export function Spinner({ label, size = "medium", showLabel = false }: { label?: string; size?: "small" | "medium"; showLabel?: boolean }) {
  const t = useT();
  return (
    <span role="status" className={`spinner spinner--${size}`}>
      <span className="spinner__icon" aria-hidden="true" />
      <span className={showLabel ? "spinner__label" : "visually-hidden"}>{label ?? t("common.loading")}</span>
    </span>
  );
}

/**
 * Wraps content that is loading or reloading: aria-busy tells assistive technology to wait for
 * the update, and a visible, announced spinner says what is happening.
 */
export function LoadingRegion({ busy, label, children }: { busy: boolean; label?: string; children?: ReactNode }) {
  return (
    <div className="loading-region" aria-busy={busy}>
      {busy && <Spinner label={label} showLabel />}
      {children}
    </div>
  );
}

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "../i18n/i18n.tsx";

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons such as "Annullér" / "Bekræft". */
  actions?: ReactNode;
};

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and
 * closes on Escape. We return focus to where it was when the dialog opened.
 */
export function Dialog({ open, onClose, title, children, actions }: DialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const onNativeClose = () => {
      returnFocusTo.current?.focus();
      returnFocusTo.current = null;
      onClose();
    };
    element.addEventListener("close", onNativeClose);
    return () => element.removeEventListener("close", onNativeClose);
  }, [onClose]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" onClick={() => dialog.current?.close()}>
          {t("common.close")}
        </button>
      </div>
      {open && <div className="dialog__body">{children}</div>}
      {open && actions && <div className="dialog__actions">{actions}</div>}
    </dialog>
  );
}

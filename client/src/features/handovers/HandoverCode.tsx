import { useState } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";

/** The code a citizen carries, large and spaced for reading aloud; screen readers hear it symbol by symbol. */
export function HandoverCode({ code, size = "large" }: { code: string; size?: "large" | "medium" }) {
  const t = useT();
  const spoken = code.split("").map((symbol) => (symbol === "-" ? t("handovers.code.dash") : symbol)).join(" ");
  return (
    <p className={`handover-code handover-code--${size}`}>
      <span aria-hidden="true" className="handover-code__symbols" data-code={code}>
        {code}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </p>
  );
}

/** Copies the code to the clipboard and says so politely. */
export function CopyCodeButton({ code }: { code: string }) {
  const t = useT();
  const [message, setMessage] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setMessage(t("handovers.code.copied"));
    } catch {
      setMessage(t("handovers.code.copyFailed"));
    }
  };
  return (
    <>
      <Button variant="secondary" onClick={() => void copy()}>
        {t("handovers.code.copy")}
      </Button>
      <span role="status" className="copy-status">
        {message}
      </span>
    </>
  );
}

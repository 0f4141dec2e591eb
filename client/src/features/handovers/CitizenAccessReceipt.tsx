// The citizen's own link, QR code and PIN on the printed receipt. They are issued once, right
// after the handover is created; only their hashes are stored, so this is the one time they show.
import { useEffect, useRef } from "react";
import { graphql, MutationErrorFields, useMutationResult, type ResultOf } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";

export const IssueCitizenAccessMutation = graphql(
  `
    mutation IssueCitizenAccess($input: IssueCitizenAccessInput!) {
      issueCitizenAccess(input: $input) {
        __typename
        ... on IssueCitizenAccessSuccess {
          receipt { url code pin qrCodeSvg }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export type CitizenReceipt = Extract<ResultOf<typeof IssueCitizenAccessMutation>["issueCitizenAccess"], { __typename: "IssueCitizenAccessSuccess" }>["receipt"];

/** Issues the link and PIN once for `handoverId`; `receipt` is null until they arrive. */
export function useCitizenAccess(handoverId: string) {
  const issue = useMutationResult(IssueCitizenAccessMutation, "IssueCitizenAccessSuccess");
  const issuedFor = useRef<string | null>(null);
  const { run } = issue;
  useEffect(() => {
    // Issuing again replaces the link, so never twice for the same handover (StrictMode runs effects twice).
    if (issuedFor.current === handoverId) return;
    issuedFor.current = handoverId;
    void run({ input: { handoverId } });
  }, [handoverId, run]);
  return {
    receipt: issue.success?.receipt ?? null,
    error: issue.error,
    running: issue.running,
    retry: () => void run({ input: { handoverId } }),
  };
}

export function followUrl(receipt: CitizenReceipt): string {
  return `${new URL(receipt.url).origin}/folg`;
}

/** For the staff member, on screen: what the citizen gets, and that it shows only now. */
export function CitizenAccessPanel({ access }: { access: ReturnType<typeof useCitizenAccess> }) {
  const t = useT();
  if (access.receipt) {
    return (
      <section className="code-panel no-print" aria-labelledby="citizen-link-title">
        <h2 id="citizen-link-title">{t("handovers.citizenLink.title")}</h2>
        <p>{t("handovers.citizenLink.body", { url: followUrl(access.receipt) })}</p>
        <p>
          <strong>{t("handovers.card.pin", { pin: access.receipt.pin })}</strong>
        </p>
        <p>
          <a href={access.receipt.url} target="_blank" rel="noreferrer">
            {t("handovers.citizenLink.open")}
          </a>
        </p>
      </section>
    );
  }
  if (access.error) {
    return (
      <Alert tone="error" title={t("handovers.citizenLink.failed")}>
        <p>{access.error.message}</p>
        <Button variant="secondary" onClick={access.retry}>
          {t("handovers.citizenLink.retry")}
        </Button>
      </Alert>
    );
  }
  return <p role="status">{t("handovers.citizenLink.making")}</p>;
}

/** On the printed card: QR code, where to type the code, and the PIN. */
export function CitizenAccessOnCard({ receipt }: { receipt: CitizenReceipt }) {
  const t = useT();
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(receipt.qrCodeSvg)}`;
  return (
    <div className="citizen-card__follow">
      <img src={qrSource} alt={t("handovers.card.qrAlt")} width={140} height={140} className="citizen-card__qr" />
      <div>
        <p>{t("handovers.card.follow", { url: followUrl(receipt) })}</p>
        <p>
          <strong>{t("handovers.card.pin", { pin: receipt.pin })}</strong>
        </p>
      </div>
    </div>
  );
}

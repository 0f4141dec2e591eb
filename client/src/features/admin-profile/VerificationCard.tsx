// "The details are correct": a unit admin confirms the entry (published as HSDS assured_date);
// after six months without a confirmation the card reminds them.
import { useState } from "react";
import { useMutationResult } from "../../graphql.ts";
import { formatDate } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { ConfirmCentreDetailsMutation, ConfirmServiceDetailsMutation } from "./documents.ts";

type Verification = { verifiedAt?: unknown; verifiedByName?: string | null; isVerificationDue: boolean };

export function VerificationCard({ target, verification }: { target: { centreId: string } | { serviceId: string }; verification: Verification }) {
  const t = useT();
  const { language } = useLanguage();
  const confirmCentre = useMutationResult(ConfirmCentreDetailsMutation, "ConfirmCentreDetailsSuccess");
  const confirmService = useMutationResult(ConfirmServiceDetailsMutation, "ConfirmServiceDetailsSuccess");
  const [current, setCurrent] = useState<Verification>(verification);
  const [confirmed, setConfirmed] = useState(false);
  const mutation = "centreId" in target ? confirmCentre : confirmService;

  const confirm = async () => {
    const outcome =
      "centreId" in target
        ? await confirmCentre.run({ input: { centreId: target.centreId } })
        : await confirmService.run({ input: { serviceId: target.serviceId } });
    if (outcome.ok) {
      setCurrent(outcome.value.data);
      setConfirmed(true);
    }
  };

  const date = typeof current.verifiedAt === "string" ? formatDate(current.verifiedAt, language) : null;
  return (
    <Card title={<span id="bekraeft">{t("adminProfile.verification.title")}</span>}>
      <div className="stack">
        <p>{t("adminProfile.verification.lead")}</p>
        {mutation.error && <Alert tone="error">{mutation.error.message}</Alert>}
        {current.isVerificationDue && !confirmed && <Alert tone="warning">{t("adminProfile.verification.due")}</Alert>}
        <p>
          {date === null
            ? t("adminProfile.verification.never")
            : current.verifiedByName
              ? t("adminProfile.verification.confirmedOnBy", { date, name: current.verifiedByName })
              : t("adminProfile.verification.confirmedOn", { date })}
        </p>
        <div className="cluster">
          <Button onClick={() => void confirm()} busy={mutation.running}>
            {t("adminProfile.verification.confirm")}
          </Button>
          {confirmed && <span role="status">{t("adminProfile.verification.done")}</span>}
        </div>
      </div>
    </Card>
  );
}

import { useState, type FormEvent, type ReactNode } from "react";
import { graphql, MutationErrorFields, useMutationResult, type MutationError } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Link } from "../../page-navigation.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { localDateTimeToIso, localNowForInput } from "../../i18n/zoned-time.ts";
import { handoversPaths } from "./paths.ts";
import { HANDOVER_DECLINE_CODES, HANDOVER_OUTCOMES, type HandoverAction, type HandoverDeclineCode, type HandoverOutcome } from "./labels.ts";

const SendHandoverMutation = graphql(
  `mutation SendHandover($input: HandoverIdInput!) {
    sendHandover(input: $input) { __typename ... on SendHandoverSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const ReceiveHandoverMutation = graphql(
  `mutation ReceiveHandover($input: HandoverIdInput!) {
    markHandoverReceived(input: $input) { __typename ... on MarkHandoverReceivedSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const AcceptHandoverMutation = graphql(
  `mutation AcceptHandover($input: AcceptHandoverInput!) {
    acceptHandover(input: $input) { __typename ... on AcceptHandoverSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const DeclineHandoverMutation = graphql(
  `mutation DeclineHandover($input: DeclineHandoverInput!) {
    declineHandover(input: $input) { __typename ... on DeclineHandoverSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const HoldHandoverMutation = graphql(
  `mutation HoldHandover($input: HoldHandoverInput!) {
    holdHandover(input: $input) { __typename ... on HoldHandoverSuccess { data { id status lookAgainAt } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const ResumeHandoverMutation = graphql(
  `mutation ResumeHandover($input: ResumeHandoverInput!) {
    resumeHandover(input: $input) { __typename ... on ResumeHandoverSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const RetryHandoverMutation = graphql(
  `mutation RetryHandoverAfterNoShow($input: RetryHandoverAfterNoShowInput!) {
    retryHandoverAfterNoShow(input: $input) { __typename ... on RetryHandoverAfterNoShowSuccess { data { id status noShowCount } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const CompleteHandoverMutation = graphql(
  `mutation CompleteHandover($input: CompleteHandoverInput!) {
    completeHandover(input: $input) { __typename ... on CompleteHandoverSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const CancelHandoverMutation = graphql(
  `mutation CancelHandover($input: CancelHandoverInput!) {
    cancelHandover(input: $input) { __typename ... on CancelHandoverSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);
const WithdrawConsentMutation = graphql(
  `mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) { __typename ... on WithdrawConsentSuccess { data { id status } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);

/** The actions this screen offers, in the order they are shown. EXPIRE is the system's. */
const SHOWN_ACTIONS = ["SEND", "RECEIVE", "ACCEPT", "DECLINE", "COMPLETE", "HOLD", "RESUME", "RETRY", "CANCEL", "WITHDRAW"] as const satisfies readonly HandoverAction[];
type ShownAction = (typeof SHOWN_ACTIONS)[number];

type Outcome = { ok: true } | { ok: false; error: MutationError };
type Done = (message: string) => void;

/** Buttons for what the viewer's side may do now (from the server's allowedActions), each opening its own dialog. */
export function HandoverActions({
  handoverId,
  allowedActions,
  recipientName,
  onDone,
}: {
  handoverId: string;
  allowedActions: readonly HandoverAction[];
  recipientName: string;
  onDone: Done;
}) {
  const t = useT();
  const [open, setOpen] = useState<ShownAction | null>(null);
  const actions = SHOWN_ACTIONS.filter((action) => allowedActions.includes(action));
  const canRefer = allowedActions.includes("REFER");
  if (actions.length === 0 && !canRefer) return <p>{t("handovers.actions.none")}</p>;
  const close = () => setOpen(null);
  const done: Done = (message) => {
    setOpen(null);
    onDone(message);
  };
  return (
    <>
      <div className="cluster handover-actions">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === "WITHDRAW" || action === "DECLINE" || action === "CANCEL" ? "secondary" : "primary"}
            onClick={() => setOpen(action)}
          >
            {t(`handovers.action.${action}`)}
          </Button>
        ))}
        {canRefer && (
          <Link className={buttonClassName("secondary")} to={`${handoversPaths.newHandover}?henvistFra=${encodeURIComponent(handoverId)}`}>
            {t("handovers.action.REFER")}
          </Link>
        )}
      </div>
      <SimpleDialog action="SEND" open={open === "SEND"} onClose={close} handoverId={handoverId} onDone={done} recipientName={recipientName} />
      <SimpleDialog action="RECEIVE" open={open === "RECEIVE"} onClose={close} handoverId={handoverId} onDone={done} recipientName={recipientName} />
      <AcceptDialog open={open === "ACCEPT"} onClose={close} handoverId={handoverId} onDone={done} />
      <DeclineDialog open={open === "DECLINE"} onClose={close} handoverId={handoverId} onDone={done} />
      <CompleteDialog open={open === "COMPLETE"} onClose={close} handoverId={handoverId} onDone={done} />
      <CancelDialog open={open === "CANCEL"} onClose={close} handoverId={handoverId} onDone={done} />
      <HoldDialog open={open === "HOLD"} onClose={close} handoverId={handoverId} onDone={done} />
      <ResumeDialog open={open === "RESUME"} onClose={close} handoverId={handoverId} onDone={done} />
      <RetryDialog open={open === "RETRY"} onClose={close} handoverId={handoverId} onDone={done} />
      <WithdrawDialog open={open === "WITHDRAW"} onClose={close} handoverId={handoverId} onDone={done} recipientName={recipientName} />
    </>
  );
}

type DialogProps = { open: boolean; onClose: () => void; handoverId: string; onDone: Done };

function ActionForm({
  onSubmit,
  submitLabel,
  busy,
  error,
  onCancel,
  danger = false,
  children,
}: {
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  error: MutationError | null;
  onCancel: () => void;
  danger?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(error.fieldErrors).length === 0 && (
        <Alert tone="error" title={t("handovers.actions.failed")}>
          <p>{error.message}</p>
        </Alert>
      )}
      {children}
      <div className="cluster">
        <Button type="submit" variant={danger ? "danger" : "primary"} busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("handovers.actions.cancelDialog")}
        </Button>
      </div>
    </form>
  );
}

function SimpleDialog({ action, open, onClose, handoverId, onDone, recipientName }: DialogProps & { action: "SEND" | "RECEIVE"; recipientName: string }) {
  const t = useT();
  const send = useMutationResult(SendHandoverMutation, "SendHandoverSuccess");
  const receive = useMutationResult(ReceiveHandoverMutation, "MarkHandoverReceivedSuccess");
  const mutation = action === "SEND" ? send : receive;
  const run = async () => {
    const outcome: Outcome = action === "SEND" ? await send.run({ input: { handoverId } }) : await receive.run({ input: { handoverId } });
    if (outcome.ok) onDone(t(action === "SEND" ? "handovers.done.SEND" : "handovers.done.RECEIVE"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t(`handovers.action.${action}`)}>
      <ActionForm onSubmit={() => void run()} submitLabel={t(`handovers.action.${action}`)} busy={mutation.running} error={mutation.error} onCancel={onClose}>
        <p>{t(action === "SEND" ? "handovers.dialog.sendBody" : "handovers.dialog.receiveBody", { recipient: recipientName })}</p>
      </ActionForm>
    </Dialog>
  );
}

function AcceptDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const accept = useMutationResult(AcceptHandoverMutation, "AcceptHandoverSuccess");
  const [meetingAt, setMeetingAt] = useState("");
  const [place, setPlace] = useState("");
  const [note, setNote] = useState("");
  const [meetingError, setMeetingError] = useState<string | null>(null);
  const run = async () => {
    const iso = meetingAt ? localDateTimeToIso(meetingAt) : null;
    if (meetingAt && !iso) {
      setMeetingError(t("handovers.new.error.meetingAt"));
      return;
    }
    setMeetingError(null);
    const outcome = await accept.run({
      input: { handoverId, proposedMeetingAt: iso, proposedMeetingPlace: place || null, note: note || null },
    });
    if (outcome.ok) onDone(t("handovers.done.ACCEPT"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.acceptTitle")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.ACCEPT")} busy={accept.running} error={accept.error} onCancel={onClose}>
        <p>{t("handovers.dialog.acceptBody")}</p>
        <TextField
          label={t("handovers.dialog.meetingAt")}
          hint={t("handovers.dialog.meetingHint")}
          optional
          type="datetime-local"
          min={localNowForInput()}
          value={meetingAt}
          onChange={(event) => setMeetingAt(event.target.value)}
          error={meetingError ?? accept.fieldError("proposedMeetingAt")}
        />
        <TextField
          label={t("handovers.dialog.meetingPlace")}
          optional
          value={place}
          onChange={(event) => setPlace(event.target.value)}
          error={accept.fieldError("proposedMeetingPlace")}
          maxLength={200}
        />
        <TextArea
          label={t("handovers.dialog.acceptNote")}
          hint={t("handovers.dialog.noteHint")}
          optional
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={accept.fieldError("note")}
        />
      </ActionForm>
    </Dialog>
  );
}

function DeclineDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const decline = useMutationResult(DeclineHandoverMutation, "DeclineHandoverSuccess");
  const [code, setCode] = useState<HandoverDeclineCode | null>(null);
  const [reason, setReason] = useState("");
  const [suggestion, setSuggestion] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const run = async () => {
    setCodeError(code ? null : t("handovers.dialog.declineCodeRequired"));
    const needsText = code === "OTHER" && !reason.trim();
    setReasonError(needsText ? t("handovers.dialog.reasonRequired") : null);
    if (!code || needsText) return;
    const outcome = await decline.run({ input: { handoverId, reasonCode: code, reason: reason || null, suggestion: suggestion || null } });
    if (outcome.ok) onDone(t("handovers.done.DECLINE"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.declineTitle")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.DECLINE")} busy={decline.running} error={decline.error} onCancel={onClose}>
        <RadioGroup
          legend={t("handovers.dialog.declineCode")}
          name="declineCode"
          value={code}
          onChange={(value) => setCode(value as HandoverDeclineCode)}
          options={HANDOVER_DECLINE_CODES.map((value) => ({ value, label: t(`handovers.declineCode.${value}`) }))}
          error={codeError ?? decline.fieldError("reasonCode")}
        />
        <TextArea
          label={t("handovers.dialog.declineReason")}
          hint={t("handovers.dialog.declineReasonHint")}
          optional={code !== "OTHER"}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError ?? decline.fieldError("reason")}
        />
        <TextArea
          label={t("handovers.dialog.suggestion")}
          hint={t("handovers.dialog.suggestionHint")}
          optional={code !== "ANOTHER_SERVICE_FITS_BETTER"}
          rows={3}
          value={suggestion}
          onChange={(event) => setSuggestion(event.target.value)}
          error={decline.fieldError("suggestion")}
        />
      </ActionForm>
    </Dialog>
  );
}

function CompleteDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const complete = useMutationResult(CompleteHandoverMutation, "CompleteHandoverSuccess");
  const [outcomeChoice, setOutcomeChoice] = useState<HandoverOutcome | null>(null);
  const [note, setNote] = useState("");
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const run = async () => {
    if (!outcomeChoice) {
      setOutcomeError(t("handovers.dialog.outcomeRequired"));
      return;
    }
    setOutcomeError(null);
    const outcome = await complete.run({ input: { handoverId, outcome: outcomeChoice, note: note || null } });
    if (outcome.ok) onDone(t("handovers.done.COMPLETE"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.completeTitle")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.COMPLETE")} busy={complete.running} error={complete.error} onCancel={onClose}>
        <RadioGroup
          legend={t("handovers.dialog.outcome")}
          hint={t("handovers.dialog.outcomeHint")}
          name="outcome"
          value={outcomeChoice}
          onChange={(value) => setOutcomeChoice(value as HandoverOutcome)}
          options={HANDOVER_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`handovers.outcome.${outcome}`) }))}
          error={outcomeError ?? complete.fieldError("outcome")}
        />
        <TextArea
          label={t("handovers.dialog.completeNote")}
          hint={t("handovers.dialog.noteHint")}
          optional
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={complete.fieldError("note")}
        />
      </ActionForm>
    </Dialog>
  );
}

function CancelDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const cancel = useMutationResult(CancelHandoverMutation, "CancelHandoverSuccess");
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const run = async () => {
    if (!reason.trim()) {
      setReasonError(t("handovers.dialog.reasonRequired"));
      return;
    }
    setReasonError(null);
    const outcome = await cancel.run({ input: { handoverId, reason } });
    if (outcome.ok) onDone(t("handovers.done.CANCEL"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.cancelTitle")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.CANCEL")} busy={cancel.running} error={cancel.error} onCancel={onClose} danger>
        <p>{t("handovers.dialog.cancelBody")}</p>
        <TextArea
          label={t("handovers.dialog.cancelReason")}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError ?? cancel.fieldError("reason")}
        />
      </ActionForm>
    </Dialog>
  );
}

function WithdrawDialog({ open, onClose, handoverId, onDone, recipientName }: DialogProps & { recipientName: string }) {
  const t = useT();
  const withdraw = useMutationResult(WithdrawConsentMutation, "WithdrawConsentSuccess");
  const [note, setNote] = useState("");
  const run = async () => {
    const outcome = await withdraw.run({ input: { handoverId, note: note || null } });
    if (outcome.ok) onDone(t("handovers.done.WITHDRAW"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.withdrawTitle")}>
      <ActionForm
        onSubmit={() => void run()}
        submitLabel={t("handovers.dialog.withdrawConfirm")}
        busy={withdraw.running}
        error={withdraw.error}
        onCancel={onClose}
        danger
      >
        <Alert tone="warning" title={t("handovers.dialog.withdrawWarningTitle")}>
          <ul>
            <li>{t("handovers.dialog.withdrawDeleted")}</li>
            <li>{t("handovers.dialog.withdrawTold", { recipient: recipientName })}</li>
            <li>{t("handovers.dialog.withdrawHistory")}</li>
          </ul>
        </Alert>
        <TextArea
          label={t("handovers.dialog.withdrawNote")}
          hint={t("handovers.dialog.noteHint")}
          optional
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={withdraw.fieldError("note")}
        />
      </ActionForm>
    </Dialog>
  );
}

function HoldDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const hold = useMutationResult(HoldHandoverMutation, "HoldHandoverSuccess");
  const [lookAgain, setLookAgain] = useState("");
  const [note, setNote] = useState("");
  const [dateError, setDateError] = useState<string | null>(null);
  const run = async () => {
    const iso = lookAgain ? localDateTimeToIso(lookAgain) : null;
    setDateError(iso ? null : t("handovers.dialog.lookAgainRequired"));
    if (!iso) return;
    const outcome = await hold.run({ input: { handoverId, lookAgainAt: iso, note: note || null } });
    if (outcome.ok) onDone(t("handovers.done.HOLD"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.holdTitle")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.HOLD")} busy={hold.running} error={hold.error} onCancel={onClose}>
        <p>{t("handovers.dialog.holdBody")}</p>
        <TextField
          label={t("handovers.dialog.lookAgainAt")}
          type="datetime-local"
          min={localNowForInput()}
          value={lookAgain}
          onChange={(event) => setLookAgain(event.target.value)}
          error={dateError ?? hold.fieldError("lookAgainAt")}
        />
        <TextArea
          label={t("handovers.dialog.holdNote")}
          hint={t("handovers.dialog.noteHint")}
          optional
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={hold.fieldError("note")}
        />
      </ActionForm>
    </Dialog>
  );
}

function ResumeDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const resume = useMutationResult(ResumeHandoverMutation, "ResumeHandoverSuccess");
  const run = async () => {
    const outcome = await resume.run({ input: { handoverId } });
    if (outcome.ok) onDone(t("handovers.done.RESUME"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.action.RESUME")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.RESUME")} busy={resume.running} error={resume.error} onCancel={onClose}>
        <p>{t("handovers.dialog.resumeBody")}</p>
      </ActionForm>
    </Dialog>
  );
}

function RetryDialog({ open, onClose, handoverId, onDone }: DialogProps) {
  const t = useT();
  const retry = useMutationResult(RetryHandoverMutation, "RetryHandoverAfterNoShowSuccess");
  const [meetingAt, setMeetingAt] = useState("");
  const [place, setPlace] = useState("");
  const [meetingError, setMeetingError] = useState<string | null>(null);
  const run = async () => {
    const iso = meetingAt ? localDateTimeToIso(meetingAt) : null;
    setMeetingError(iso ? null : t("handovers.dialog.newMeetingRequired"));
    if (!iso) return;
    const outcome = await retry.run({ input: { handoverId, proposedMeetingAt: iso, proposedMeetingPlace: place || null } });
    if (outcome.ok) onDone(t("handovers.done.RETRY"));
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("handovers.dialog.retryTitle")}>
      <ActionForm onSubmit={() => void run()} submitLabel={t("handovers.action.RETRY")} busy={retry.running} error={retry.error} onCancel={onClose}>
        <p>{t("handovers.dialog.retryBody")}</p>
        <TextField
          label={t("handovers.dialog.meetingAt")}
          type="datetime-local"
          min={localNowForInput()}
          value={meetingAt}
          onChange={(event) => setMeetingAt(event.target.value)}
          error={meetingError ?? retry.fieldError("proposedMeetingAt")}
        />
        <TextField
          label={t("handovers.dialog.meetingPlace")}
          optional
          value={place}
          onChange={(event) => setPlace(event.target.value)}
          error={retry.fieldError("proposedMeetingPlace")}
          maxLength={200}
        />
      </ActionForm>
    </Dialog>
  );
}

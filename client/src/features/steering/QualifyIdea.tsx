// A coordinator qualifies one open idea or barrier: accept it into the initiative catalogue (as
// an initiative with status "Idé"), answer it, or close it — the answer is public — or delete
// it for good when it is spam or about a person.
import { useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { DeleteIdeaMutation, QualifyIdeaMutation } from "./documents.ts";
import { IdeaHeading, type Idea } from "./IdeaAnswer.tsx";
import { InitiativeClassification, type Classification } from "./InitiativeClassification.tsx";

type Decision = "ACCEPT_INTO_CATALOGUE" | "ANSWER" | "CLOSE";
const DECISIONS: readonly Decision[] = ["ACCEPT_INTO_CATALOGUE", "ANSWER", "CLOSE"];

/** The lists showing ideas reload through the Idea type once it is qualified or deleted. */
export function QualifyIdea({ idea, organisations }: { idea: Idea; organisations: readonly { id: string; name: string }[] }) {
  const t = useT();
  const qualify = useMutationResult(QualifyIdeaMutation, "QualifyIdeaSuccess");
  const remove = useMutationResult(DeleteIdeaMutation, "DeleteIdeaSuccess", { additionalTypenames: ["Idea"] });
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [decision, setDecision] = useState<Decision>("ACCEPT_INTO_CATALOGUE");
  const [answer, setAnswer] = useState("");
  const [initiative, setInitiative] = useState<Classification & { title: string; description: string }>({
    title: "",
    description: idea.text,
    kind: "CITIZEN_FACING",
    ownerOrganisationId: organisations.some((organisation) => organisation.id === idea.centre.operator.id) ? idea.centre.operator.id : (organisations[0]?.id ?? ""),
    quickEffect: 2,
    maturity: 1,
    resourceDraw: 2,
  });
  const prefix = `qualify-${idea.id}`;
  const isAccepting = decision === "ACCEPT_INTO_CATALOGUE";
  const set = <K extends keyof typeof initiative>(key: K, value: (typeof initiative)[K]) => setInitiative((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void qualify.run({ input: { ideaId: idea.id, decision, answer, initiative: isAccepting ? initiative : null } });
  };
  const deleteIdea = () => void remove.run({ id: idea.id });

  const fieldErrors = qualify.error?.fieldErrors ?? {};
  const summary = Object.entries(fieldErrors).map(([field, message]) => ({ message, fieldId: `${prefix}-${field.replace(/^initiative\./, "")}` }));
  const error = (field: string) => qualify.fieldError(field);

  return (
    <article className="idea idea--open" aria-labelledby={`idea-${idea.id}`}>
      <IdeaHeading idea={idea} level={3} />
      <p className="meta">{t(`steering.ideas.source.${idea.source}`)}</p>
      <blockquote className="idea__text">
        <p>{idea.text}</p>
      </blockquote>
      <form noValidate onSubmit={submit} className="stack">
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
        {qualify.error && summary.length === 0 && <Alert tone="error">{qualify.error.message}</Alert>}
        <RadioGroup
          id={`${prefix}-decision`}
          name={`${prefix}-decision`}
          legend={t("steering.qualify.decision")}
          options={DECISIONS.map((value) => ({ value, label: t(`steering.qualify.decision.${value}`) }))}
          value={decision}
          onChange={(value) => setDecision(DECISIONS.find((candidate) => candidate === value) ?? "ANSWER")}
        />
        {isAccepting && (
          <fieldset className="admin-fieldset stack">
            <legend>{t("steering.qualify.initiativeLegend")}</legend>
            <TextField id={`${prefix}-title`} label={t("steering.form.title")} value={initiative.title} onChange={(event) => set("title", event.target.value)} error={error("initiative.title")} />
            <TextArea id={`${prefix}-description`} rows={3} label={t("steering.form.description")} value={initiative.description} onChange={(event) => set("description", event.target.value)} error={error("initiative.description")} />
            <InitiativeClassification idPrefix={prefix} values={initiative} organisations={organisations} onChange={(change) => setInitiative((previous) => ({ ...previous, ...change }))} error={(field) => error(`initiative.${field}`)} />
          </fieldset>
        )}
        <TextArea id={`${prefix}-answer`} rows={3} label={t("steering.qualify.answer")} hint={t("steering.qualify.answerHint")} value={answer} onChange={(event) => setAnswer(event.target.value)} error={error("answer")} />
        <div className="cluster">
          <Button type="submit" busy={qualify.running}>
            {t(`steering.qualify.submit.${decision}`)}
          </Button>
          {isConfirmingDelete ? (
            <Button variant="danger" busy={remove.running} onClick={deleteIdea}>
              {t("steering.qualify.confirmDelete")}
            </Button>
          ) : (
            <Button variant="quiet" onClick={() => setIsConfirmingDelete(true)}>
              {t("steering.qualify.delete")}
            </Button>
          )}
        </div>
        {isConfirmingDelete && <p className="meta">{t("steering.qualify.deleteHint")}</p>}
        {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      </form>
    </article>
  );
}

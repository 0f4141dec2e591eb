// The centre's core task (kerneopgave) and the guiding principles it serves, kept by its admins.
// Shown on the centre's public page and beside its figures.
import { useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup } from "../../ui/ChoiceGroup.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { SetCentreCoreTaskMutation } from "./documents.ts";

const PRINCIPLES = ["FREE_SPACE_AND_DEVELOPMENT", "MEANINGFUL_COMMUNITIES", "SUSTAINABLE_APPROACH", "PART_OF_THE_WHOLE"] as const;
type Principle = (typeof PRINCIPLES)[number];

export function CoreTaskForm({ centre }: { centre: { id: string; coreTask?: string | null; guidingPrinciples: readonly Principle[] } }) {
  const t = useT();
  const save = useMutationResult(SetCentreCoreTaskMutation, "SetCentreCoreTaskSuccess");
  const [coreTask, setCoreTask] = useState(centre.coreTask ?? "");
  const [principles, setPrinciples] = useState<string[]>([...centre.guidingPrinciples]);
  const [isSaved, setIsSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    const guidingPrinciples = PRINCIPLES.filter((principle) => principles.includes(principle));
    const outcome = await save.run({ input: { centreId: centre.id, coreTask, guidingPrinciples } });
    if (outcome.ok) setIsSaved(true);
  };
  const hasFieldError = Boolean(save.fieldError("coreTask") || save.fieldError("guidingPrinciples"));

  return (
    <Card title={<span id="kerneopgave">{t("steering.coreTask.heading")}</span>}>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack">
        {save.error && !hasFieldError && <Alert tone="error">{save.error.message}</Alert>}
        <TextArea
          id="core-task"
          rows={3}
          label={t("steering.coreTask.label")}
          hint={t("steering.coreTask.hint")}
          value={coreTask}
          onChange={(event) => {
            setIsSaved(false);
            setCoreTask(event.target.value);
          }}
          error={save.fieldError("coreTask")}
        />
        <CheckboxGroup
          id="core-task-principles"
          name="guidingPrinciples"
          legend={t("steering.coreTask.principles")}
          hint={t("steering.coreTask.principlesHint")}
          options={PRINCIPLES.map((value) => ({ value, label: t(`steering.principle.${value}`) }))}
          value={principles}
          onChange={(next) => {
            setIsSaved(false);
            setPrinciples(next);
          }}
          error={save.fieldError("guidingPrinciples")}
        />
        <div className="cluster">
          <Button type="submit" busy={save.running}>
            {t("steering.coreTask.save")}
          </Button>
          <p className="meta" role="status">
            {isSaved ? t("steering.coreTask.saved") : null}
          </p>
        </div>
      </form>
    </Card>
  );
}

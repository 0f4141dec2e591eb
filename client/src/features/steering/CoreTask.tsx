// A centre's core task (kerneopgave) and the guiding principles it serves, on its public page.
import { useT } from "../../i18n/i18n.tsx";

export function CoreTask({ coreTask, guidingPrinciples }: { coreTask: string | null; guidingPrinciples: readonly string[] }) {
  const t = useT();
  if (!coreTask && guidingPrinciples.length === 0) return null;
  return (
    <section aria-labelledby="core-task-title">
      <h2 id="core-task-title">{t("steering.coreTask.heading")}</h2>
      {coreTask && <p>{coreTask}</p>}
      {guidingPrinciples.length > 0 && (
        <>
          <h3>{t("steering.coreTask.principles")}</h3>
          <ul>
            {guidingPrinciples.map((principle) => (
              <li key={principle}>{t(`steering.principle.${principle}` as "steering.principle.PART_OF_THE_WHOLE")}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

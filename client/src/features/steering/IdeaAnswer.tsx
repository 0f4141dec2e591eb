// One qualified idea or barrier with the coordinator's public answer (and the initiative it became).
import type { ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Badge } from "../../ui/Badge.tsx";
import type { IdeaFields } from "./documents.ts";

export type Idea = ResultOf<typeof IdeaFields>;

const STATUS_TONE = { OPEN: "info", ACCEPTED: "success", ANSWERED: "info", CLOSED: "neutral" } as const;

/** The heading names kind, centre and day, so each item has its own accessible name. */
export function IdeaHeading({ idea, level }: { idea: Idea; level: 2 | 3 | 4 }) {
  const t = useT();
  const { formatDate } = useFormatters();
  const Heading = `h${level}` as const;
  return (
    <Heading id={`idea-${idea.id}`} className="idea__heading">
      {t(`steering.ideas.heading.${idea.kind}`, { centre: idea.centre.name, date: formatDate(idea.raisedOn) })}
    </Heading>
  );
}

export function IdeaAnswer({ idea, level }: { idea: Idea; level: 2 | 3 | 4 }) {
  const t = useT();
  return (
    <article className="idea" aria-labelledby={`idea-${idea.id}`}>
      <IdeaHeading idea={idea} level={level} />
      <blockquote className="idea__text">
        <p>{idea.text}</p>
      </blockquote>
      <p>
        <Badge tone={STATUS_TONE[idea.status]} label={t("steering.ideas.statusLabel")}>
          {t(`steering.ideas.status.${idea.status}`)}
        </Badge>
        {idea.initiative && (
          <>
            {" "}
            <Link to={`/initiativer#initiative-${idea.initiative.id}`}>{t("steering.ideas.seeInitiative", { title: idea.initiative.title })}</Link>
          </>
        )}
      </p>
      {idea.answer && (
        <p className="idea__answer">
          <strong>{t("steering.ideas.answerLabel")}</strong> {idea.answer}
        </p>
      )}
    </article>
  );
}

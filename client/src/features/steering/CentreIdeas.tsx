// On a centre's public page: anyone raises an idea or a barrier here, without signing in and
// without saying who they are, and reads the latest answers about this centre.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { PublicIdeasQuery, RaiseIdeaMutation } from "./documents.ts";
import { IdeaAnswer } from "./IdeaAnswer.tsx";
import "./steering.css";

/** Answers shown on the centre page; the rest are on /ideer. */
const LATEST_ANSWERS = 3;

type Kind = "IDEA" | "BARRIER";

export function CentreIdeas({ centreId, unitId }: { centreId: string; unitId: string }) {
  const t = useT();
  const { me } = useViewer();
  const answers = useQuery(PublicIdeasQuery, { centreId });
  const raise = useMutationResult(RaiseIdeaMutation, "RaiseIdeaSuccess");
  const [kind, setKind] = useState<Kind>("IDEA");
  const [text, setText] = useState("");
  const [isSent, setIsSent] = useState(false);
  const isStaff = me?.memberships.some((membership) => membership.unit.id === unitId) ?? false;
  const isVolunteer = me?.volunteerCentres.some((centre) => centre.id === centreId) ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSent(false);
    const outcome = await raise.run({ input: { centreId, kind, text } });
    if (outcome.ok) {
      setText("");
      setIsSent(true);
    }
  };
  const latest = (answers.data?.ideas ?? []).slice(0, LATEST_ANSWERS);
  const textError = raise.fieldError("text");

  return (
    <section aria-labelledby="ideas-title" className="centre-ideas no-print">
      <h2 id="ideas-title">{t("steering.ideas.centreHeading")}</h2>
      <p>{t("steering.ideas.centreIntro")}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack">
        {raise.error && !textError && <Alert tone="error">{raise.error.message}</Alert>}
        <RadioGroup
          id="idea-kind"
          name="idea-kind"
          inline
          legend={t("steering.ideas.kindLegend")}
          options={[
            { value: "IDEA", label: t("steering.ideas.kind.IDEA") },
            { value: "BARRIER", label: t("steering.ideas.kind.BARRIER") },
          ]}
          value={kind}
          onChange={(value) => setKind(value === "BARRIER" ? "BARRIER" : "IDEA")}
        />
        <TextArea
          id="idea-text"
          rows={4}
          label={t(kind === "IDEA" ? "steering.ideas.textIdea" : "steering.ideas.textBarrier")}
          hint={t("steering.ideas.textHint")}
          value={text}
          onChange={(event) => {
            setIsSent(false);
            setText(event.target.value);
          }}
          error={textError}
        />
        <p className="meta">
          {isStaff ? t("steering.ideas.asStaff") : isVolunteer ? t("steering.ideas.asVolunteer") : t("steering.ideas.anonymous")}
        </p>
        <div>
          <Button type="submit" busy={raise.running}>
            {t("steering.ideas.send")}
          </Button>
        </div>
        <div role="status">{isSent && <p className="alert alert--success">{t("steering.ideas.thanks")}</p>}</div>
      </form>
      {latest.length > 0 && (
        <>
          <h3>{t("steering.ideas.latestHere")}</h3>
          <ul className="plain-list stack">
            {latest.map((idea) => (
              <li key={idea.id}>
                <IdeaAnswer idea={idea} level={4} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/ideer">{t("steering.ideas.allAnswers")}</Link>
      </p>
    </section>
  );
}

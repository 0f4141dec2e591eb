// /ideer: the ideas and barriers raised at the centres, with the coordinators' answers — public.
// Coordinators also see those waiting to be qualified, each with its qualifying form.
import { useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { viewerRoles } from "../accounts/roles.ts";
import { useViewer } from "../accounts/viewer.tsx";
import { OpenIdeasQuery, PublicIdeasQuery } from "./documents.ts";
import { IdeaAnswer } from "./IdeaAnswer.tsx";
import { QualifyIdea } from "./QualifyIdea.tsx";
import "./steering.css";

export function IdeasPage() {
  const t = useT();
  const { me } = useViewer();
  const isCoordinator = viewerRoles(me).isCoordinator;
  useDocumentTitle(t("steering.ideas.title"));
  // A qualified idea joins the answered ones, which may be none yet.
  const answered = useQuery(PublicIdeasQuery, {}, { additionalTypenames: ["Idea"] });
  return (
    <>
      <PageHeading lead={t("steering.ideas.lead")}>{t("steering.ideas.title")}</PageHeading>
      {isCoordinator && <OpenIdeas />}
      <section aria-labelledby="answered-ideas-title">
        <h2 id="answered-ideas-title">{t("steering.ideas.answeredHeading")}</h2>
        <LoadingRegion busy={answered.loading}>
          {answered.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
          {answered.data && answered.data.ideas.length === 0 && <p>{t("steering.ideas.noneAnswered")}</p>}
          <ul className="plain-list stack">
            {(answered.data?.ideas ?? []).map((idea) => (
              <li key={idea.id}>
                <IdeaAnswer idea={idea} level={3} />
              </li>
            ))}
          </ul>
        </LoadingRegion>
      </section>
    </>
  );
}

function OpenIdeas() {
  const t = useT();
  const open = useQuery(OpenIdeasQuery, {});
  const ideas = open.data?.openIdeas ?? [];
  return (
    <section aria-labelledby="open-ideas-title">
      <h2 id="open-ideas-title">{t("steering.ideas.openHeading", { count: ideas.length })}</h2>
      <p>{t("steering.ideas.openIntro")}</p>
      <LoadingRegion busy={open.loading}>
        {open.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {open.data && ideas.length === 0 && <p>{t("steering.ideas.noneOpen")}</p>}
        <ul className="plain-list stack">
          {ideas.map((idea) => (
            <li key={idea.id}>
              <QualifyIdea idea={idea} organisations={open.data?.initiativeEditorOptions.organisations ?? []} />
            </li>
          ))}
        </ul>
      </LoadingRegion>
    </section>
  );
}

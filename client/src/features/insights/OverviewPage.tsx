// /overblik: the coordinator's picture of the area (J4): opening-hours coverage per target group
// and centre-level figures. Centre staff are pointed to their own centre's figures.
import { useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { ViewerCentresQuery } from "../visits/documents.ts";
import { AreaFigures } from "./AreaFigures.tsx";
import { CitizenFeedbackFigures } from "./CitizenFeedbackFigures.tsx";
import { CoverageHeatmap } from "./CoverageHeatmap.tsx";
import { OpenDataExport } from "./OpenDataExport.tsx";
import { RotaGapsPanel } from "../volunteers/RotaGapsPanel.tsx";
import { AreaSurveyComparison } from "../steering/AreaSurveyComparison.tsx";
import { DemandHeatmap } from "../steering/DemandHeatmap.tsx";
import { FigureTrends } from "../steering/FigureTrends.tsx";

export function OverviewPage() {
  const t = useT();
  const { me } = useViewer();
  useDocumentTitle(t("overview.title"));
  return (
    <>
      <PageHeading lead={t("insights.overview.lead")}>{t("overview.title")}</PageHeading>
      {me === undefined ? (
        <LoadingRegion busy />
      ) : me === null ? (
        <EmptyState title={t("insights.signInTitle")} action={<Link to="/log-ind" className={buttonClassName("primary")}>{t("nav.signIn")}</Link>}>
          <p>{t("insights.signInBody")}</p>
        </EmptyState>
      ) : me.isCoordinator ? (
        <div className="stack">
          <CoverageHeatmap />
          <DemandHeatmap />
          <RotaGapsPanel />
          <AreaFigures />
          <FigureTrends />
          <AreaSurveyComparison />
          <CitizenFeedbackFigures />
          <OpenDataExport />
        </div>
      ) : me.isStrategicGroup ? (
        // why: the strategic group reads aggregates only; the rota, citizen feedback per service
        // and the open-data export are for coordinators.
        <div className="stack">
          <CoverageHeatmap />
          <DemandHeatmap />
          <AreaFigures />
          <FigureTrends />
          <AreaSurveyComparison />
        </div>
      ) : (
        <MyCentres unitIds={me.memberships.filter((membership) => membership.unit.kind === "CENTRE").map((membership) => membership.unit.id)} />
      )}
    </>
  );
}

function MyCentres({ unitIds }: { unitIds: string[] }) {
  const t = useT();
  const centres = useQuery(ViewerCentresQuery, {}, { skip: unitIds.length === 0 });
  const mine =
    centres.data?.me?.memberships.flatMap((membership) =>
      membership.unit.centre && unitIds.includes(membership.unit.id) ? [membership.unit.centre] : [],
    ) ?? [];
  if (unitIds.length === 0) {
    return (
      <EmptyState title={t("insights.overview.coordinatorsOnly")}>
        <p>{t("insights.overview.coordinatorsOnlyBody")}</p>
      </EmptyState>
    );
  }
  return (
    <LoadingRegion busy={centres.loading}>
      <h2>{t("insights.overview.yourCentres")}</h2>
      <ul>
        {mine.map((centre) => (
          <li key={centre.id}>
            <Link to={`/overblik/vaerested/${centre.id}`}>{t("insights.overview.centreLink", { centre: centre.name })}</Link>
          </li>
        ))}
      </ul>
    </LoadingRegion>
  );
}

// /initiativer: the public, read-only initiative catalogue. Each initiative shows its status,
// owner, centres, the action plan's three weights, and its effect template with the target and
// the current value computed from the figures (small counts as "<5").
import { useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { VisuallyHidden } from "../../ui/VisuallyHidden.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { InitiativesQuery } from "./documents.ts";
import "./steering.css";

const decimal = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 });

export function InitiativesPage() {
  const t = useT();
  const { language } = useLanguage();
  useDocumentTitle(t("steering.catalogue.title"));
  const catalogue = useQuery(InitiativesQuery, {});
  const initiatives = catalogue.data?.initiatives ?? [];
  const weight = (value: number) => t(`steering.weight.${value}` as "steering.weight.1");
  const { me } = useViewer();
  const isCoordinator = (me?.isCoordinator ?? false) || (me?.isPlatformAdmin ?? false);
  const ownOrganisations = new Set(me?.administeredOrganisations.map((organisation) => organisation.id) ?? []);
  const mayEdit = (ownerId: string) => isCoordinator || ownOrganisations.has(ownerId);
  return (
    <>
      <PageHeading lead={t("steering.catalogue.lead")}>{t("steering.catalogue.title")}</PageHeading>
      <p className="cluster catalogue-actions">
        {(isCoordinator || ownOrganisations.size > 0) && (
          <Link to="/initiativer/ny" className={buttonClassName("primary")}>
            {t("steering.catalogue.new")}
          </Link>
        )}
        <Link to="/ideer">{t("steering.catalogue.ideasLink")}</Link>
      </p>
      <LoadingRegion busy={catalogue.loading}>
        {catalogue.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {catalogue.data && initiatives.length === 0 && <p>{t("steering.catalogue.empty")}</p>}
        <ul className="catalogue-list">
          {initiatives.map((initiative) => (
            <li key={initiative.id} className="catalogue-item">
              <article aria-labelledby={`initiative-${initiative.id}`}>
                <h2 id={`initiative-${initiative.id}`}>{initiative.title}</h2>
                <p>
                  <strong>{t(`steering.status.${initiative.status}`)}</strong> · {t(`steering.kind.${initiative.kind}`)} ·{" "}
                  {t("steering.catalogue.owner", { owner: initiative.ownerOrganisation.name })}
                </p>
                <p>{initiative.description}</p>
                {initiative.idea && <p className="meta">{t("steering.catalogue.fromIdea", { centre: initiative.idea.centre.name })}</p>}
                {initiative.centres.length > 0 && <p>{t("steering.catalogue.centres", { centres: initiative.centres.map((centre) => centre.name).join(", ") })}</p>}
                <dl className="catalogue-weights">
                  <dt>{t("steering.catalogue.quickEffect")}</dt>
                  <dd>{weight(initiative.quickEffect)}</dd>
                  <dt>{t("steering.catalogue.maturity")}</dt>
                  <dd>{weight(initiative.maturity)}</dd>
                  <dt>{t("steering.catalogue.resourceDraw")}</dt>
                  <dd>{weight(initiative.resourceDraw)}</dd>
                </dl>
                {initiative.measures.length > 0 && (
                  <div className="table-scroll" role="region" aria-labelledby={`effect-${initiative.id}`} tabIndex={0}>
                    <table className="steering-table">
                      <caption id={`effect-${initiative.id}`}>{t("steering.catalogue.effectCaption", { title: initiative.title })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("steering.catalogue.measure")}</th>
                          <th scope="col">{t("steering.catalogue.baseline")}</th>
                          <th scope="col">{t("steering.catalogue.target")}</th>
                          <th scope="col">{t("steering.catalogue.current")}</th>
                          <th scope="col">{t("steering.catalogue.progress")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {initiative.measures.map((measure) => (
                          <tr key={measure.position}>
                            <th scope="row">{language === "da" ? measure.labelDa : measure.labelEn}</th>
                            <td>{measure.baselineValue === null ? "–" : decimal.format(measure.baselineValue)}</td>
                            <td>{decimal.format(measure.targetValue)}</td>
                            <td>{measure.current.display}</td>
                            <td>{measure.progressPercent === null ? "–" : `${Math.round(measure.progressPercent)} %`}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {initiative.evaluationText && (
                  <>
                    <h3>{t("steering.catalogue.evaluation")}</h3>
                    <p>{initiative.evaluationText}</p>
                  </>
                )}
                {mayEdit(initiative.ownerOrganisation.id) && (
                  <p>
                    <Link to={`/initiativer/${initiative.id}/rediger`} className={buttonClassName("secondary")}>
                      {t("steering.catalogue.edit")}
                      <VisuallyHidden>: {initiative.title}</VisuallyHidden>
                    </Link>
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      </LoadingRegion>
    </>
  );
}

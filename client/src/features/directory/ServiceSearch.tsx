import { useCallback, useState, type FormEvent } from "react";
import { graphql, request, requestErrorMessage } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge, type BadgeTone } from "../../ui/Badge.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup } from "../../ui/ChoiceGroup.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { viewerRoles } from "../accounts/roles.ts";
import { useViewer } from "../accounts/viewer.tsx";
import { AgeFilterField } from "./AgeFilterField.tsx";
import { ageRange, isOneOf, SERVICE_KINDS } from "./labels.ts";
import { ageOf, serviceFilter, type ServiceSearch as ServiceSearchValues } from "./searchParams.ts";
import { useTaxonomy } from "./taxonomy.ts";
import { usePagedSearch } from "./usePagedSearch.ts";

const PAGE_SIZE = 10;

const ServiceSearchQuery = graphql(`
  query ServiceSearch($filter: ServiceFilter, $first: Int, $after: String) {
    services(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        reasons { kind da en }
        node {
          id
          unitId
          name
          kind
          description
          intakeStatus
          typicalWaitDays
          operatorName
          isAnonymousWelcome
          isSignpostingOnly
          minAge
          maxAge
          phone
          email
          website
          openingHours { weekday labelDa labelEn textDa textEn }
          visitingSessions { centreId textDa textEn }
        }
      }
    }
  }
`);

const INTAKE_TONES: Record<"OPEN" | "WAITING_LIST" | "CLOSED", BadgeTone> = { OPEN: "success", WAITING_LIST: "warning", CLOSED: "neutral" };

export function ServiceSearchForm({ initial, onSearch }: { initial: ServiceSearchValues; onSearch: (search: ServiceSearchValues) => void }) {
  const t = useT();
  const [search, setSearch] = useState(initial);
  const [ageError, setAgeError] = useState<string | undefined>();
  const taxonomy = useTaxonomy();
  const update = (changes: Partial<ServiceSearchValues>) => setSearch((previous) => ({ ...previous, ...changes }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalidAge = search.age.trim() !== "" && !ageOf(search.age);
    setAgeError(invalidAge ? t("directory.search.ageInvalid") : undefined);
    if (!invalidAge) onSearch(search);
  };
  return (
    <form className="search-form" noValidate onSubmit={onSubmit} aria-labelledby="service-search-title">
      <h2 id="service-search-title" className="search-form__title">
        {t("directory.services.filtersTitle")}
      </h2>
      <p className="field__hint">{t("directory.services.lead")}</p>
      <CheckboxGroup
        legend={t("directory.services.kinds")}
        name="kinds"
        options={SERVICE_KINDS.map((value) => ({ value, label: t(`directory.serviceKind.${value}`) }))}
        value={search.kinds}
        onChange={(values) => update({ kinds: values.filter((value) => isOneOf(SERVICE_KINDS, value)) })}
      />
      <CheckboxGroup
        legend={t("directory.services.intake")}
        name="openIntakeOnly"
        options={[{ value: "yes", label: t("directory.services.intakeOpenOnly") }]}
        value={search.openIntakeOnly ? ["yes"] : []}
        onChange={(values) => update({ openIntakeOnly: values.includes("yes") })}
      />
      <CheckboxGroup
        legend={t("directory.services.whereWhen")}
        name="serviceWhereWhen"
        options={[
          { value: "centres", label: t("directory.services.comesToCentres"), hint: t("directory.services.comesToCentresHint") },
          { value: "now", label: t("directory.services.openNow") },
        ]}
        value={[...(search.comesToCentres ? ["centres"] : []), ...(search.openNow ? ["now"] : [])]}
        onChange={(values) => update({ comesToCentres: values.includes("centres"), openNow: values.includes("now") })}
      />
      <CheckboxGroup
        legend={t("directory.search.targetGroups")}
        hint={t("directory.search.targetGroupsHint")}
        name="targetGroups"
        options={taxonomy.options("TARGET_GROUP", search.targetGroups)}
        value={search.targetGroups}
        onChange={(values) => update({ targetGroups: values })}
      />
      <AgeFilterField id="service-age" value={search.age} onChange={(age) => update({ age })} error={ageError} />
      <TextField
        label={t("directory.search.text")}
        name="text"
        type="search"
        optional
        value={search.text}
        onChange={(event) => update({ text: event.target.value })}
      />
      <div className="cluster">
        <Button type="submit">{t("directory.search.submit")}</Button>
        <Link to="/soeg?fane=tilbud" className="search-form__reset">
          {t("directory.search.reset")}
        </Link>
      </div>
    </form>
  );
}

export function ServiceResults({ search }: { search: ServiceSearchValues }) {
  const t = useT();
  const { language } = useLanguage();
  const { me } = useViewer();
  const canBridge = viewerRoles(me).worksInUnit;
  const filter = serviceFilter(search);
  const key = JSON.stringify(filter);
  const fetchPage = useCallback(
    async (after: string | null, signal: AbortSignal) =>
      (await request(ServiceSearchQuery, { filter, first: PAGE_SIZE, after }, { signal })).services,
    // `filter` is rebuilt every render; `key` says when it really changed.
    [key],
  );
  const results = usePagedSearch(key, fetchPage);

  return (
    <section className="search-results" aria-labelledby="service-results-title">
      <h2 id="service-results-title" tabIndex={-1}>{t("directory.search.resultsTitle")}</h2>
      <LoadingRegion busy={results.loading} label={t("directory.services.loading")}>
        <p role="status" className="search-results__count">
          {!results.loading && !results.error ? t("directory.services.resultCount", { count: results.totalCount }) : ""}
        </p>
        {results.error != null && (
          <Alert tone="error">
            <p>{t("directory.services.loadFailed", { message: requestErrorMessage(results.error, t) })}</p>
            <Button variant="secondary" onClick={results.retry}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {!results.loading && !results.error && results.edges.length === 0 && (
          <EmptyState title={t("directory.services.noResults")} headingLevel={3}>
            <p>{t("directory.services.noResultsBody")}</p>
          </EmptyState>
        )}
        {results.edges.length > 0 && (
          <ul className="result-list">
            {results.edges.map(({ node, reasons }) => (
              <Card
                key={node.id}
                as="li"
                headingLevel={3}
                className="result-card"
                title={node.name}
                footer={
                  // An offer outside the platform has no inbox: point the citizen to it instead.
                  canBridge && !node.isSignpostingOnly ? (
                    <Link to={`/overleveringer/ny?til=${encodeURIComponent(node.unitId)}`} className={buttonClassName("secondary")}>
                      {t("directory.services.bridge", { name: node.name })}
                    </Link>
                  ) : undefined
                }
              >
                <p className="cluster">
                  <Badge tone="info">{t(`directory.serviceKind.${node.kind}`)}</Badge>
                  {node.isSignpostingOnly ? (
                    <Badge tone="neutral">{t("directory.services.signpostingOnly")}</Badge>
                  ) : (
                    <Badge tone={INTAKE_TONES[node.intakeStatus]}>{t(`directory.intake.${node.intakeStatus}`)}</Badge>
                  )}
                  {node.isAnonymousWelcome && <Badge>{t("directory.services.anonymous")}</Badge>}
                  {(node.minAge != null || node.maxAge != null) && <Badge>{ageRange(t, node.minAge, node.maxAge)}</Badge>}
                </p>
                {node.isSignpostingOnly && <p className="field__hint">{t("directory.services.signpostingHint")}</p>}
                <p>{node.description}</p>
                <p className="result-card__address">
                  {t("directory.services.operator", { name: node.operatorName })}
                  {node.typicalWaitDays != null && (
                    <>
                      {" · "}
                      {t("directory.services.typicalWait", { days: node.typicalWaitDays })}
                    </>
                  )}
                </p>
                <ServiceHours hours={node.openingHours} sessions={node.visitingSessions} />
                {(node.phone || node.email || (node.isSignpostingOnly && node.website)) && (
                  <p>
                    {t("directory.services.contact")}: {node.phone && <a href={`tel:${node.phone.replace(/\s/g, "")}`}>{node.phone}</a>}
                    {node.phone && node.email && " · "}
                    {node.email && <a href={`mailto:${node.email}`}>{node.email}</a>}
                    {node.isSignpostingOnly && node.website && (
                      <>
                        {(node.phone || node.email) && " · "}
                        <a href={node.website}>{node.website}</a>
                      </>
                    )}
                  </p>
                )}
                {reasons.length > 0 && (
                  <>
                    <p className="result-card__why">{t("directory.search.whyTitle")}:</p>
                    <ul className="reasons">
                      {reasons.map((reason, index) => (
                        <li key={`${reason.kind}-${index}`}>{language === "da" ? reason.da : reason.en}</li>
                      ))}
                    </ul>
                  </>
                )}
              </Card>
            ))}
          </ul>
        )}
        {results.hasNextPage && (
          <p className="search-results__more">
            <Button variant="secondary" onClick={() => void results.loadMore()} busy={results.loadingMore}>
              {t("directory.services.showMore")}
            </Button>
          </p>
        )}
      </LoadingRegion>
    </section>
  );
}

type Hours = readonly { weekday: number; labelDa: string; labelEn: string; textDa: string; textEn: string }[];
type Sessions = readonly { centreId: string; textDa: string; textEn: string }[];

/** The service's own hours (open days only) and where it comes out to centres. */
function ServiceHours({ hours, sessions }: { hours: Hours; sessions: Sessions }) {
  const t = useT();
  const { language } = useLanguage();
  const open = hours.filter((day) => day.textDa !== "lukket");
  if (open.length === 0 && sessions.length === 0) return null;
  return (
    <div className="service-hours">
      {open.length > 0 && (
        <>
          <p className="result-card__why">{t("directory.services.hours")}:</p>
          <ul className="reasons">
            {open.map((day) => (
              <li key={day.weekday}>
                {language === "da" ? `${day.labelDa}: ${day.textDa}` : `${day.labelEn}: ${day.textEn}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {sessions.length > 0 && (
        <>
          <p className="result-card__why">{t("directory.services.sessions")}:</p>
          <ul className="reasons">
            {sessions.map((session, index) => (
              <li key={`${session.centreId}-${index}`}>
                <Link to={`/vaerested/${session.centreId}`}>{language === "da" ? session.textDa : session.textEn}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

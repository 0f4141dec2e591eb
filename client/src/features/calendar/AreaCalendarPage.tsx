// /kalender: one public calendar for the area — meals, activities and visiting services across
// all centres, a day or a week at a time, filtered by what, for whom and where, with an iCal
// link for the same filter. The filter lives in the address, so a view can be shared.
import { useEffect, useMemo, useState } from "react";
import { useLocation, useSearchParams } from "wouter";
import { graphql, request, requestErrorMessage, useQuery, type ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { addDays, isoWeekNumber, localDate, mondayOf } from "../../i18n/zoned-time.ts";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { isOneOf } from "../directory/labels.ts";
import { TERM_CODE, useTaxonomy } from "../directory/taxonomy.ts";
import "./calendar.css";

const KINDS = ["MEAL", "ACTIVITY", "VISIT"] as const;
type Kind = (typeof KINDS)[number];
const PAGE_SIZE = 100;

const AreaCalendarQuery = graphql(`
  query AreaCalendar($filter: AreaCalendarFilter, $from: Date, $days: Int, $first: Int, $after: String) {
    areaCalendar(filter: $filter, from: $from, days: $days, first: $first, after: $after) {
      hasNextPage
      endCursor
      feedUrl
      entries {
        key kind title description startsAt endsAt centreId centreName location place
        serviceName serviceHoursDa serviceHoursEn
      }
    }
  }
`);

const CalendarAreasQuery = graphql(`
  query CalendarAreas {
    areas { id name }
  }
`);

type Entry = ResultOf<typeof AreaCalendarQuery>["areaCalendar"]["entries"][number];

function useCalendarSearch() {
  const [pathname, navigate] = useLocation();
  const [params] = useSearchParams();
  const view = params.get("visning") === "dag" ? "DAY" : "WEEK";
  const today = localDate();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get("dato") ?? "") ? params.get("dato")! : today;
  const kinds = params.getAll("vis").filter((kind): kind is Kind => isOneOf(KINDS, kind));
  const targetGroup = params.get("maalgruppe");
  const offer = params.get("tilbud");
  const area = params.get("omraade") ?? "";
  const set = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const item of Array.isArray(value) ? value : value ? [value] : []) next.append(key, item);
    }
    const text = next.toString();
    navigate(text ? `${pathname}?${text}` : pathname, { replace: true });
  };
  return {
    view: view as "WEEK" | "DAY",
    from: view === "WEEK" ? mondayOf(date) : date,
    date,
    today,
    kinds: kinds.length > 0 ? kinds : [...KINDS],
    targetGroup: targetGroup && TERM_CODE.test(targetGroup) ? targetGroup : null,
    offer: offer && TERM_CODE.test(offer) ? offer : null,
    area,
    set,
  };
}

export function AreaCalendarPage() {
  const t = useT();
  useDocumentTitle(t("calendar.title"));
  const search = useCalendarSearch();
  const days = search.view === "WEEK" ? 7 : 1;
  const filter = useMemo(
    () => ({
      kinds: search.kinds,
      targetGroups: search.targetGroup ? [search.targetGroup] : null,
      offers: search.offer ? [search.offer] : null,
      areaId: search.area || null,
    }),
    [search.kinds.join(","), search.targetGroup, search.offer, search.area], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const variables = { filter, from: search.from, days, first: PAGE_SIZE };
  const calendar = useQuery(AreaCalendarQuery, variables);
  const [more, setMore] = useState<{ entries: Entry[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const variablesKey = JSON.stringify(variables);
  useEffect(() => setMore(null), [variablesKey]);

  const page = calendar.data?.areaCalendar;
  const entries = [...(page?.entries ?? []), ...(more?.entries ?? [])];
  const hasNextPage = more ? more.hasNextPage : (page?.hasNextPage ?? false);
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const data = await request(AreaCalendarQuery, { ...variables, after: (more ? more.endCursor : page?.endCursor) ?? null });
      setMore((previous) => ({
        entries: [...(previous?.entries ?? []), ...data.areaCalendar.entries],
        endCursor: data.areaCalendar.endCursor ?? null,
        hasNextPage: data.areaCalendar.hasNextPage,
      }));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageHeading lead={t("calendar.lead")}>{t("calendar.title")}</PageHeading>
      <CalendarFilters search={search} />
      <section aria-labelledby="calendar-results" className="stack calendar">
        <CalendarNavigation search={search} />
        <LoadingRegion busy={calendar.loading} label={t("calendar.loading")}>
          {calendar.error && (
            <Alert tone="error">
              <p>{t("calendar.loadFailed", { message: requestErrorMessage(calendar.error, t) })}</p>
            </Alert>
          )}
          {page && entries.length === 0 && (
            <EmptyState title={t("calendar.empty")} headingLevel={3}>
              <p>{t("calendar.emptyBody")}</p>
            </EmptyState>
          )}
          {entries.length > 0 && <CalendarDays from={search.from} days={days} entries={entries} />}
          {hasNextPage && (
            <Button variant="secondary" busy={loadingMore} onClick={() => void loadMore()}>
              {t("calendar.showMore")}
            </Button>
          )}
        </LoadingRegion>
      </section>
      {page && <FeedLink url={page.feedUrl} />}
    </>
  );
}

function CalendarFilters({ search }: { search: ReturnType<typeof useCalendarSearch> }) {
  const t = useT();
  const taxonomy = useTaxonomy();
  const areas = useQuery(CalendarAreasQuery);
  return (
    <Card title={t("calendar.filtersTitle")} headingLevel={2}>
      <div className="calendar__filters">
        <CheckboxGroup
          name="calendarKinds"
          legend={t("calendar.kinds")}
          inline
          options={KINDS.map((kind) => ({ value: kind, label: t(`calendar.kind.${kind}`) }))}
          value={search.kinds}
          onChange={(values) => search.set({ vis: values.length === KINDS.length ? null : values })}
        />
        <RadioGroup
          name="calendarView"
          legend={t("calendar.view")}
          inline
          options={[
            { value: "WEEK", label: t("calendar.view.WEEK") },
            { value: "DAY", label: t("calendar.view.DAY") },
          ]}
          value={search.view}
          onChange={(value) => search.set({ visning: value === "DAY" ? "dag" : null })}
        />
        <SelectField
          id="calendar-target-group"
          label={t("calendar.targetGroup")}
          value={search.targetGroup ?? ""}
          onChange={(event) => search.set({ maalgruppe: event.target.value || null })}
          options={[{ value: "", label: t("calendar.targetGroupAny") }, ...taxonomy.options("TARGET_GROUP")]}
        />
        <SelectField
          id="calendar-offer"
          label={t("calendar.offer")}
          hint={t("calendar.offerHint")}
          value={search.offer ?? ""}
          onChange={(event) => search.set({ tilbud: event.target.value || null })}
          options={[{ value: "", label: t("calendar.offerAny") }, ...taxonomy.options("OFFER")]}
        />
        <SelectField
          id="calendar-area"
          label={t("calendar.area")}
          hint={t("calendar.areaHint")}
          value={search.area}
          onChange={(event) => search.set({ omraade: event.target.value || null })}
          options={[{ value: "", label: t("calendar.areaAny") }, ...(areas.data?.areas ?? []).map((area) => ({ value: area.id, label: area.name }))]}
        />
      </div>
    </Card>
  );
}

function CalendarNavigation({ search }: { search: ReturnType<typeof useCalendarSearch> }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDayAndDate } = useFormatters();
  const step = search.view === "WEEK" ? 7 : 1;
  const caption =
    search.view === "WEEK"
      ? t("calendar.weekCaption", { week: isoWeekNumber(search.from), from: shortDate(search.from, language), to: shortDate(addDays(search.from, 6), language) })
      : capitalise(formatDayAndDate(search.date));
  return (
    <div className="stack calendar__navigation">
      <h2 id="calendar-results">{caption}</h2>
      <div className="cluster">
        <Button variant="secondary" onClick={() => search.set({ dato: addDays(search.date, -step) })}>
          {search.view === "WEEK" ? t("calendar.previousWeek") : t("calendar.previousDay")}
        </Button>
        <Button variant="secondary" onClick={() => search.set({ dato: null })}>
          {t("calendar.today")}
        </Button>
        <Button variant="secondary" onClick={() => search.set({ dato: addDays(search.date, step) })}>
          {search.view === "WEEK" ? t("calendar.nextWeek") : t("calendar.nextDay")}
        </Button>
      </div>
    </div>
  );
}

function CalendarDays({ from, days, entries }: { from: string; days: number; entries: readonly Entry[] }) {
  const t = useT();
  const { formatDayAndDate } = useFormatters();
  const dates = Array.from({ length: days }, (_, index) => addDays(from, index));
  return (
    <ol className="calendar__days">
      {dates.map((date) => {
        const ofDay = entries.filter((entry) => localDate(entry.startsAt) === date);
        return (
          <li key={date} className="calendar__day">
            {days > 1 && <h3>{capitalise(formatDayAndDate(date))}</h3>}
            {ofDay.length === 0 ? (
              <p className="meta">{t("calendar.dayEmpty")}</p>
            ) : (
              <ul className="plain-list stack">
                {ofDay.map((entry) => (
                  <CalendarEntry key={entry.key} entry={entry} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function CalendarEntry({ entry }: { entry: Entry }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatTimeRange } = useFormatters();
  const tone = entry.kind === "MEAL" ? "success" : entry.kind === "VISIT" ? "info" : "neutral";
  const serviceHours = language === "da" ? entry.serviceHoursDa : entry.serviceHoursEn;
  return (
    <li className="calendar__entry">
      <p className="calendar__when">
        <span className="calendar__time">{formatTimeRange(entry.startsAt, entry.endsAt)}</span>{" "}
        <Badge tone={tone} label={t("calendar.kindLabel")}>
          {t(`calendar.kind.${entry.kind}`)}
        </Badge>
      </p>
      <p className="calendar__title">
        <strong>{entry.kind === "VISIT" && entry.serviceName ? `${entry.serviceName}: ${entry.title}` : entry.title}</strong>{" "}
        <Link to={`/vaerested/${entry.centreId}`}>{t("calendar.at", { centre: entry.centreName })}</Link>
      </p>
      {entry.location !== "ON_SITE" && entry.place && <p className="meta">{t("calendar.offSite", { place: entry.place })}</p>}
      {entry.description && <p>{entry.description}</p>}
      {serviceHours && entry.serviceName && <p className="meta">{t("calendar.serviceHours", { service: entry.serviceName, hours: serviceHours })}</p>}
    </li>
  );
}

function FeedLink({ url }: { url: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Card title={t("calendar.feedTitle")} headingLevel={2}>
      <p>{t("calendar.feedIntro")}</p>
      <TextField id="calendar-feed-url" label={t("calendar.feedLink")} value={url} readOnly onFocus={(event) => event.target.select()} />
      <div className="cluster">
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {t("calendar.copy")}
        </Button>
        <p role="status" className="meta">
          {copied ? t("calendar.copied") : ""}
        </p>
      </div>
    </Card>
  );
}

function shortDate(date: string, language: "da" | "en"): string {
  return new Intl.DateTimeFormat(language === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

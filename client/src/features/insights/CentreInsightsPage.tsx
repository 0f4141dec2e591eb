// /overblik/vaerested/:id: one centre's own figures, today's anonymous visitor count, activities
// held, and (for the centre's admins) the user survey with its public link, QR code and results.
import { useState, type FormEvent } from "react";
import { useParams } from "wouter";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { localDate } from "../../i18n/zoned-time.ts";
import { defaultPeriod, FigureCell } from "./AreaFigures.tsx";
import { CentreInsightsQuery, RecordActivityHeldMutation, RecordVisitorTallyMutation } from "./documents.ts";
import { FigureDefinitions } from "./FigureDefinitions.tsx";
import { Surveys } from "./Surveys.tsx";
import { useTaxonomy } from "../directory/taxonomy.ts";
import "./insights.css";

export function CentreInsightsPage() {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  const params = useParams<{ id: string }>();
  const { me } = useViewer();
  const [period] = useState(defaultPeriod);
  // The figures are counted from tallies and activities held, which the query does not return.
  const insights = useQuery(CentreInsightsQuery, { centreId: params.id, ...period }, { skip: !me, additionalTypenames: ["VisitorTally", "ActivityHeld"] });
  const centre = insights.data?.centre;
  useDocumentTitle(centre ? t("insights.centre.title", { centre: centre.name }) : t("overview.title"));

  if (me === undefined || (insights.loading && !insights.data)) {
    return (
      <>
        <PageHeading>{t("overview.title")}</PageHeading>
        <LoadingRegion busy />
      </>
    );
  }
  if (!centre || insights.error) {
    return (
      <>
        <PageHeading>{t("overview.title")}</PageHeading>
        <Alert tone="error">{me ? t("insights.centre.noAccess") : t("insights.signInBody")}</Alert>
      </>
    );
  }
  const membership = me?.memberships.find((candidate) => candidate.unit.id === centre.unitId);
  const isMember = !!membership;
  const isAdmin = membership?.role === "UNIT_ADMIN" || !!me?.administeredOrganisations.length || !!me?.isPlatformAdmin;
  const figures = insights.data!.centreFigures.figures;
  const definitions = insights.data!.figureDefinitions;

  return (
    <>
      <PageHeading lead={t("insights.centre.lead")}>{t("insights.centre.title", { centre: centre.name })}</PageHeading>
      <p>
        <Link to="/overblik">{t("insights.centre.back")}</Link>
      </p>
      <div className="stack">
        {isMember && (
          <div className="grid grid--wide insights-forms">
            <TallyForm centreId={centre.id} targetGroups={centre.targetGroups} />
            <ActivityForm centreId={centre.id} activities={centre.activities} />
          </div>
        )}
        <section aria-labelledby="centre-figures-heading" className="stack">
          <h2 id="centre-figures-heading">{t("insights.centre.figuresHeading")}</h2>
          <p className="field__hint">{t("insights.figures.suppressedNote")}</p>
          <FigureDefinitions definitions={definitions} />
          <table className="figures-table figures-table--single">
            <caption>{t("insights.figures.caption", { from: formatDate(period.from), to: formatDate(period.to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("insights.centre.figure")}</th>
                <th scope="col">{t("insights.centre.value")}</th>
              </tr>
            </thead>
            <tbody>
              {definitions.map((definition) => (
                <tr key={definition.key}>
                  <th scope="row">{language === "da" ? definition.nameDa : definition.nameEn}</th>
                  <FigureCell figure={figures.all.find((figure) => figure.key === definition.key)} />
                </tr>
              ))}
              {figures.visitorsByTargetGroup.map((item) => (
                <tr key={item.key}>
                  <th scope="row">{t("insights.centre.visitorsOf", { group: language === "da" ? item.labelDa : item.labelEn })}</th>
                  <FigureCell figure={item.count} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <Surveys centreId={centre.id} isAdmin={isAdmin} />
      </div>
    </>
  );
}

function TallyForm({ centreId, targetGroups }: { centreId: string; targetGroups: readonly string[] }) {
  const taxonomy = useTaxonomy();
  const t = useT();
  const { formatDate } = useFormatters();
  const [date, setDate] = useState(localDate());
  const [count, setCount] = useState("");
  const [split, setSplit] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const record = useMutationResult(RecordVisitorTallyMutation, "RecordVisitorTallySuccess");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const total = Number(count);
    if (count.trim() === "" || !Number.isInteger(total) || total < 0) {
      setLocalError(t("insights.tally.countInvalid"));
      return;
    }
    setLocalError(null);
    const byTargetGroup = Object.entries(split)
      .filter(([, value]) => value.trim() !== "")
      .map(([targetGroup, value]) => ({ targetGroup, count: Number(value) }));
    const result = await record.run({ input: { centreId, date, count: total, byTargetGroup: byTargetGroup.length ? byTargetGroup : null } });
    if (result.ok) {
      setSaved(t("insights.tally.saved", { count: total, date: formatDate(date) }));
      setCount("");
      setSplit({});
    }
  };
  const countError = localError ?? record.fieldError("count");
  return (
    <Card title={t("insights.tally.heading")} as="section">
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <p>{t("insights.tally.intro")}</p>
        {saved && <Alert tone="success">{saved}</Alert>}
        {record.error && !countError && <Alert tone="error">{record.error.message}</Alert>}
        <ErrorSummary title={t("errors.summaryTitle")} errors={countError ? [{ message: countError, fieldId: "tally-count" }] : []} />
        <TextField label={t("insights.tally.date")} type="date" value={date} max={localDate()} onChange={(event) => setDate(event.target.value)} error={record.fieldError("date")} />
        <TextField id="tally-count" label={t("insights.tally.count")} type="number" inputMode="numeric" min={0} max={1000} value={count} onChange={(event) => setCount(event.target.value)} error={countError} />
        {targetGroups.length > 0 && (
          <details>
            <summary>{t("insights.tally.split")}</summary>
            <p className="field__hint">{t("insights.tally.splitHint")}</p>
            {targetGroups.map((group) => (
              <TextField
                key={group}
                label={taxonomy.label("TARGET_GROUP", group)}
                optional
                type="number"
                inputMode="numeric"
                min={0}
                value={split[group] ?? ""}
                onChange={(event) => setSplit({ ...split, [group]: event.target.value })}
              />
            ))}
            {record.fieldError("byTargetGroup") && <Alert tone="error">{record.fieldError("byTargetGroup")}</Alert>}
          </details>
        )}
        <div className="cluster">
          <Button type="submit" busy={record.running}>
            {t("insights.tally.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ActivityForm({ centreId, activities }: { centreId: string; activities: readonly { id: string; title: string }[] }) {
  const t = useT();
  const { formatDate } = useFormatters();
  const [activityId, setActivityId] = useState("");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(localDate());
  const [participants, setParticipants] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const record = useMutationResult(RecordActivityHeldMutation, "RecordActivityHeldSuccess");

  const chooseActivity = (id: string) => {
    setActivityId(id);
    const activity = activities.find((candidate) => candidate.id === id);
    if (activity) setTitle(activity.title);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const result = await record.run({
      input: { centreId, activityId: activityId || null, title: title.trim(), date, participants: participants.trim() === "" ? null : Number(participants) },
    });
    if (result.ok) {
      setSaved(t("insights.activity.saved", { title: title.trim(), date: formatDate(date) }));
      setTitle("");
      setActivityId("");
      setParticipants("");
    }
  };
  return (
    <Card title={t("insights.activity.heading")} as="section">
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <p>{t("insights.activity.intro")}</p>
        {saved && <Alert tone="success">{saved}</Alert>}
        {record.error && Object.keys(record.error.fieldErrors).length === 0 && <Alert tone="error">{record.error.message}</Alert>}
        {activities.length > 0 && (
          <SelectField
            label={t("insights.activity.planned")}
            optional
            value={activityId}
            onChange={(event) => chooseActivity(event.target.value)}
            placeholder={t("insights.activity.notPlanned")}
            options={activities.map((activity) => ({ value: activity.id, label: activity.title }))}
          />
        )}
        <TextField label={t("insights.activity.title")} hint={t("insights.activity.titleHint")} value={title} onChange={(event) => setTitle(event.target.value)} error={record.fieldError("title")} maxLength={200} />
        <TextField label={t("insights.activity.date")} type="date" value={date} max={localDate()} onChange={(event) => setDate(event.target.value)} error={record.fieldError("date")} />
        <TextField label={t("insights.activity.participants")} optional type="number" inputMode="numeric" min={0} value={participants} onChange={(event) => setParticipants(event.target.value)} error={record.fieldError("participants")} />
        <div className="cluster">
          <Button type="submit" busy={record.running}>
            {t("insights.activity.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

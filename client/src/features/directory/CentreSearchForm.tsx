import { useMemo, useState, type FormEvent } from "react";
import { graphql, useQuery } from "../../graphql.ts";
import type { MessageKey } from "../../i18n/da.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Button } from "../../ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { ACCESSIBILITY_FEATURES, isOneOf, LANGUAGES, weekdayName } from "./labels.ts";
import { AgeFilterField } from "./AgeFilterField.tsx";
import { ageOf, RADIUS_CHOICES, WHEN_CHOICES, WHERE_CHOICES, type CentreSearch } from "./searchParams.ts";
import { useTaxonomy } from "./taxonomy.ts";

const CentreNamesQuery = graphql(`
  query CentreNames {
    centres(first: 200) {
      edges { node { id name } }
    }
  }
`);

const AreasQuery = graphql(`
  query SearchAreas {
    areas { id name latitude longitude }
  }
`);

type LocationState = "idle" | "locating" | "found" | "denied" | "unavailable" | "unsupported";

const LOCATION_MESSAGES: Record<Exclude<LocationState, "idle">, MessageKey> = {
  locating: "directory.search.locating",
  found: "directory.search.locationFound",
  denied: "directory.search.locationDenied",
  unavailable: "directory.search.locationUnavailable",
  unsupported: "directory.search.locationUnsupported",
};

/** The centre search as a form; submitting puts the search in the URL (see SearchPage). */
export function CentreSearchForm({ initial, onSearch }: { initial: CentreSearch; onSearch: (search: CentreSearch) => void }) {
  const t = useT();
  const [search, setSearch] = useState<CentreSearch>(initial);
  const [locationState, setLocationState] = useState<LocationState>(initial.latitude !== null ? "found" : "idle");
  const [errors, setErrors] = useState<{ nearCentreId?: string; location?: string; areaId?: string; age?: string }>({});
  const taxonomy = useTaxonomy();
  const update = (changes: Partial<CentreSearch>) => setSearch((previous) => ({ ...previous, ...changes }));
  const centreNames = useQuery(CentreNamesQuery, {}, { skip: search.where !== "CENTRE" });
  const areas = useQuery(AreasQuery, {}, { skip: search.where !== "AREA" });
  const chooseArea = (areaId: string) => {
    const area = areas.data?.areas.find((candidate) => candidate.id === areaId);
    update({ areaId, latitude: area?.latitude ?? null, longitude: area?.longitude ?? null });
  };
  const centreOptions = useMemo(
    () =>
      (centreNames.data?.centres.edges ?? [])
        .map((edge) => ({ value: edge.node.id, label: edge.node.name }))
        .sort((a, b) => a.label.localeCompare(b.label, "da")),
    [centreNames.data],
  );
  const hasMoreFilters = initial.accessibility.length > 0 || !!initial.language || initial.anonymousOnly || !!initial.age;

  const useMyLocation = () => {
    if (!("geolocation" in navigator)) {
      setLocationState("unsupported");
      return;
    }
    setLocationState("locating");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        // Rounded to about 100 m: enough to rank centres, and the URL never pinpoints anyone.
        update({
          latitude: Math.round(position.coords.latitude * 1000) / 1000,
          longitude: Math.round(position.coords.longitude * 1000) / 1000,
        });
        setLocationState("found");
      },
      (error) => setLocationState(error.code === error.PERMISSION_DENIED ? "denied" : "unavailable"),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (search.where === "CENTRE" && !search.nearCentreId) found.nearCentreId = t("directory.search.centreMissing");
    if (search.where === "LOCATION" && search.latitude === null) found.location = t("directory.search.locationMissing");
    if (search.where === "AREA" && (!search.areaId || search.latitude === null)) found.areaId = t("directory.search.areaMissing");
    if (search.age.trim() && !ageOf(search.age)) found.age = t("directory.search.ageInvalid");
    setErrors(found);
    if (found.nearCentreId || found.location || found.areaId || found.age) return;
    onSearch(search);
  };

  const summary = [
    ...(errors.nearCentreId ? [{ message: errors.nearCentreId, fieldId: "near-centre" }] : []),
    ...(errors.location ? [{ message: errors.location, fieldId: "use-location" }] : []),
    ...(errors.areaId ? [{ message: errors.areaId, fieldId: "near-area" }] : []),
    ...(errors.age ? [{ message: errors.age, fieldId: "centre-age" }] : []),
  ];

  return (
    <form className="search-form" noValidate onSubmit={onSubmit} aria-labelledby="centre-search-title">
      <h2 id="centre-search-title" className="search-form__title">
        {t("directory.search.filtersTitle")}
      </h2>
      <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      <TextField
        label={t("directory.search.text")}
        hint={t("directory.search.textHint")}
        name="text"
        type="search"
        optional
        value={search.text}
        onChange={(event) => update({ text: event.target.value })}
      />
      <CheckboxGroup
        legend={t("directory.search.targetGroups")}
        hint={t("directory.search.targetGroupsHint")}
        name="targetGroups"
        options={taxonomy.options("TARGET_GROUP", search.targetGroups)}
        value={search.targetGroups}
        onChange={(values) => update({ targetGroups: values })}
      />
      <CheckboxGroup
        legend={t("directory.search.offers")}
        hint={t("directory.search.offersHint")}
        name="offers"
        options={taxonomy.options("OFFER", search.offers)}
        value={search.offers}
        onChange={(values) => update({ offers: values })}
      />
      <RadioGroup
        legend={t("directory.search.when")}
        name="when"
        options={WHEN_CHOICES.map((value) => ({ value, label: t(`directory.search.when.${value}`) }))}
        value={search.when}
        onChange={(value) => isOneOf(WHEN_CHOICES, value) && update({ when: value, weekday: value === "DAY" && !search.weekday ? "1" : search.weekday })}
      />
      {search.when === "DAY" && (
        <SelectField
          className="search-form__reveal"
          label={t("directory.search.weekday")}
          name="weekday"
          options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(t, day) }))}
          value={search.weekday}
          onChange={(event) => update({ weekday: event.target.value })}
        />
      )}
      <RadioGroup
        legend={t("directory.search.where")}
        hint={t("directory.search.whereHint")}
        name="where"
        options={WHERE_CHOICES.map((value) => ({ value, label: t(`directory.search.where.${value}`) }))}
        value={search.where}
        onChange={(value) => {
          if (!isOneOf(WHERE_CHOICES, value)) return;
          // A point belongs to the choice that gave it: an area's centre is not "where I am".
          if (value !== search.where) {
            update({ where: value, areaId: "", latitude: null, longitude: null });
            setLocationState("idle");
          }
        }}
      />
      {search.where === "AREA" && (
        <SelectField
          id="near-area"
          className="search-form__reveal"
          label={t("directory.search.nearArea")}
          name="areaId"
          placeholder={areas.loading ? t("common.loading") : t("directory.search.nearAreaPlaceholder")}
          options={(areas.data?.areas ?? []).map((area) => ({ value: area.id, label: area.name }))}
          value={search.areaId}
          onChange={(event) => chooseArea(event.target.value)}
          error={errors.areaId}
        />
      )}
      {search.where === "CENTRE" && (
        <SelectField
          id="near-centre"
          className="search-form__reveal"
          label={t("directory.search.nearCentre")}
          name="nearCentreId"
          placeholder={centreNames.loading ? t("common.loading") : t("directory.search.nearCentrePlaceholder")}
          options={centreOptions}
          value={search.nearCentreId}
          onChange={(event) => update({ nearCentreId: event.target.value })}
          error={errors.nearCentreId}
        />
      )}
      {search.where === "LOCATION" && (
        <div className="search-form__reveal field">
          <Button id="use-location" variant="secondary" onClick={useMyLocation} busy={locationState === "locating"}>
            {t("directory.search.useLocation")}
          </Button>
          <p role="status" className={errors.location && locationState !== "found" ? "field__error" : "field__hint"}>
            {locationState !== "idle" ? t(LOCATION_MESSAGES[locationState]) : (errors.location ?? "")}
          </p>
        </div>
      )}
      {search.where !== "ANY" && (
        <SelectField
          className="search-form__reveal"
          label={t("directory.search.radius")}
          name="radiusKm"
          options={RADIUS_CHOICES.map((km) => ({ value: km, label: t("directory.search.radiusOption", { km }) }))}
          value={search.radiusKm}
          onChange={(event) => update({ radiusKm: event.target.value })}
        />
      )}
      <details className="search-form__more" open={hasMoreFilters || undefined}>
        <summary>{t("directory.search.moreFilters")}</summary>
        <CheckboxGroup
          legend={t("directory.search.accessibility")}
          hint={t("directory.search.accessibilityHint")}
          name="accessibility"
          options={ACCESSIBILITY_FEATURES.map((value) => ({ value, label: t(`directory.accessibility.${value}`) }))}
          value={search.accessibility}
          onChange={(values) => update({ accessibility: values.filter((value) => isOneOf(ACCESSIBILITY_FEATURES, value)) })}
        />
        <SelectField
          label={t("directory.search.language")}
          name="language"
          options={[
            { value: "", label: t("directory.search.languageAny") },
            ...LANGUAGES.map((code) => ({ value: code, label: t(`directory.language.${code}`) })),
          ]}
          value={search.language}
          onChange={(event) => update({ language: event.target.value })}
        />
        <AgeFilterField id="centre-age" value={search.age} onChange={(age) => update({ age })} error={errors.age} />
        <CheckboxGroup
          legend={t("directory.search.anonymous")}
          name="anonymousOnly"
          options={[{ value: "yes", label: t("directory.search.anonymousOption") }]}
          value={search.anonymousOnly ? ["yes"] : []}
          onChange={(values) => update({ anonymousOnly: values.includes("yes") })}
        />
      </details>
      <div className="cluster">
        <Button type="submit">{t("directory.search.submit")}</Button>
        <Link to="/soeg" className="search-form__reset">
          {t("directory.search.reset")}
        </Link>
      </div>
    </form>
  );
}

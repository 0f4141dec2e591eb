// The search lives in the URL query string, so a search can be bookmarked, shared and reloaded,
// and the back button returns to the previous search. Parameter names are Danish, as people read them.
import {
  ACCESSIBILITY_FEATURES,
  isOneOf,
  SERVICE_KINDS,
  WEEKDAY_PRESETS,
  type AccessibilityFeature,
  type ServiceKind,
} from "./labels.ts";
import { TERM_CODE } from "./taxonomy.ts";

export const WHEN_CHOICES = ["ANY", "NOW", "THIS_EVENING", "WEEKEND", "DAY"] as const;
export type WhenChoice = (typeof WHEN_CHOICES)[number];
export const WHERE_CHOICES = ["ANY", "AREA", "CENTRE", "LOCATION"] as const;
export type WhereChoice = (typeof WHERE_CHOICES)[number];
export const RADIUS_CHOICES = ["1", "2", "5", "10", "20"] as const;

/** Target groups and offers are taxonomy codes (taxonomy.ts). */
export type CentreSearch = {
  targetGroups: string[];
  offers: string[];
  when: WhenChoice;
  /** ISO weekday "1"–"7", used when `when` is DAY. */
  weekday: string;
  where: WhereChoice;
  nearCentreId: string;
  /** An area's id, when `where` is AREA; its point travels in latitude/longitude. */
  areaId: string;
  latitude: number | null;
  longitude: number | null;
  radiusKm: string;
  accessibility: AccessibilityFeature[];
  language: string;
  anonymousOnly: boolean;
  /** The citizen's age in years as typed; empty: any age. */
  age: string;
  text: string;
};

export type ServiceSearch = {
  targetGroups: string[];
  kinds: ServiceKind[];
  openIntakeOnly: boolean;
  /** Only services that come out to the centres (a confirmed visit in the coming weeks). */
  comesToCentres: boolean;
  /** Open now: by its own hours or at a visiting session. */
  openNow: boolean;
  age: string;
  text: string;
};

export type SearchTab = "centres" | "services";

const KEYS = {
  tab: "fane",
  targetGroups: "maalgruppe",
  offers: "oensker",
  when: "hvornaar",
  weekday: "ugedag",
  where: "hvor",
  nearCentreId: "vaerested",
  areaId: "omraade",
  latitude: "lat",
  longitude: "lng",
  radiusKm: "radius",
  accessibility: "tilgaengelighed",
  language: "sprog",
  anonymousOnly: "anonym",
  age: "alder",
  text: "tekst",
  kinds: "type",
  openIntakeOnly: "optag",
  comesToCentres: "paa-vaerested",
  openNow: "aaben-nu",
} as const;

function listOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] {
  return params.getAll(key).filter((value): value is T => isOneOf(allowed, value));
}

function codesOf(params: URLSearchParams, key: string): string[] {
  return [...new Set(params.getAll(key).filter((value) => TERM_CODE.test(value)))];
}

/** An age in whole years 0–120, or "" (also for anything else in the URL). */
export function ageOf(value: string | null): string {
  const trimmed = value?.trim() ?? "";
  return /^\d{1,3}$/.test(trimmed) && Number(trimmed) <= 120 ? String(Number(trimmed)) : "";
}

function coordinate(value: string | null, limit: number): number | null {
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && Math.abs(number) <= limit ? number : null;
}

export function readTab(params: URLSearchParams): SearchTab {
  return params.get(KEYS.tab) === "tilbud" ? "services" : "centres";
}

export function readCentreSearch(params: URLSearchParams): CentreSearch {
  const when = params.get(KEYS.when);
  const where = params.get(KEYS.where);
  const weekday = params.get(KEYS.weekday) ?? "";
  const radius = params.get(KEYS.radiusKm);
  return {
    targetGroups: codesOf(params, KEYS.targetGroups),
    offers: codesOf(params, KEYS.offers),
    when: isOneOf(WHEN_CHOICES, when) ? when : "ANY",
    weekday: /^[1-7]$/.test(weekday) ? weekday : "",
    where: isOneOf(WHERE_CHOICES, where) ? where : "ANY",
    nearCentreId: params.get(KEYS.nearCentreId) ?? "",
    areaId: params.get(KEYS.areaId) ?? "",
    latitude: coordinate(params.get(KEYS.latitude), 90),
    longitude: coordinate(params.get(KEYS.longitude), 180),
    radiusKm: isOneOf(RADIUS_CHOICES, radius) ? radius : "5",
    accessibility: listOf(params, KEYS.accessibility, ACCESSIBILITY_FEATURES),
    language: params.get(KEYS.language) ?? "",
    anonymousOnly: params.get(KEYS.anonymousOnly) === "ja",
    age: ageOf(params.get(KEYS.age)),
    text: params.get(KEYS.text) ?? "",
  };
}

export function readServiceSearch(params: URLSearchParams): ServiceSearch {
  return {
    targetGroups: codesOf(params, KEYS.targetGroups),
    kinds: listOf(params, KEYS.kinds, SERVICE_KINDS),
    openIntakeOnly: params.get(KEYS.openIntakeOnly) === "aaben",
    comesToCentres: params.get(KEYS.comesToCentres) === "ja",
    openNow: params.get(KEYS.openNow) === "ja",
    age: ageOf(params.get(KEYS.age)),
    text: params.get(KEYS.text) ?? "",
  };
}

export function centreSearchQueryString(search: CentreSearch): string {
  const params = new URLSearchParams();
  for (const value of search.targetGroups) params.append(KEYS.targetGroups, value);
  for (const value of search.offers) params.append(KEYS.offers, value);
  if (search.when !== "ANY") params.set(KEYS.when, search.when);
  if (search.when === "DAY" && search.weekday) params.set(KEYS.weekday, search.weekday);
  if (search.where !== "ANY") {
    params.set(KEYS.where, search.where);
    params.set(KEYS.radiusKm, search.radiusKm);
  }
  if (search.where === "CENTRE" && search.nearCentreId) params.set(KEYS.nearCentreId, search.nearCentreId);
  if (search.where === "AREA" && search.areaId) params.set(KEYS.areaId, search.areaId);
  if ((search.where === "LOCATION" || search.where === "AREA") && search.latitude !== null && search.longitude !== null) {
    params.set(KEYS.latitude, search.latitude.toFixed(3));
    params.set(KEYS.longitude, search.longitude.toFixed(3));
  }
  for (const value of search.accessibility) params.append(KEYS.accessibility, value);
  if (search.language) params.set(KEYS.language, search.language);
  if (search.anonymousOnly) params.set(KEYS.anonymousOnly, "ja");
  if (ageOf(search.age)) params.set(KEYS.age, ageOf(search.age));
  if (search.text.trim()) params.set(KEYS.text, search.text.trim());
  return params.toString();
}

export function serviceSearchQueryString(search: ServiceSearch): string {
  const params = new URLSearchParams();
  params.set(KEYS.tab, "tilbud");
  for (const value of search.targetGroups) params.append(KEYS.targetGroups, value);
  for (const value of search.kinds) params.append(KEYS.kinds, value);
  if (search.openIntakeOnly) params.set(KEYS.openIntakeOnly, "aaben");
  if (search.comesToCentres) params.set(KEYS.comesToCentres, "ja");
  if (search.openNow) params.set(KEYS.openNow, "ja");
  if (ageOf(search.age)) params.set(KEYS.age, ageOf(search.age));
  if (search.text.trim()) params.set(KEYS.text, search.text.trim());
  return params.toString();
}

/** The API's CentreFilter for a search; criteria left open are left out. */
export function centreFilter(search: CentreSearch) {
  const radiusKm = Number(search.radiusKm);
  const openPreset =
    search.when === "DAY"
      ? search.weekday
        ? WEEKDAY_PRESETS[Number(search.weekday) - 1]
        : undefined
      : search.when === "ANY"
        ? undefined
        : search.when;
  const near =
    search.where === "CENTRE" && search.nearCentreId
      ? { centreId: search.nearCentreId, radiusKm }
      : (search.where === "LOCATION" || search.where === "AREA") && search.latitude !== null && search.longitude !== null
        ? { latitude: search.latitude, longitude: search.longitude, radiusKm }
        : undefined;
  return {
    ...(search.targetGroups.length ? { targetGroups: search.targetGroups } : {}),
    ...(search.offers.length ? { offers: search.offers } : {}),
    ...(openPreset ? { openPreset } : {}),
    ...(near ? { near } : {}),
    ...(search.accessibility.length ? { accessibility: search.accessibility } : {}),
    ...(search.language ? { languages: [search.language] } : {}),
    ...(search.anonymousOnly ? { isAnonymousWelcome: true } : {}),
    ...(ageOf(search.age) ? { age: Number(search.age) } : {}),
    ...(search.text.trim() ? { text: search.text.trim() } : {}),
  };
}

export function serviceFilter(search: ServiceSearch, now: Date = new Date()) {
  return {
    ...(search.targetGroups.length ? { targetGroups: search.targetGroups } : {}),
    ...(search.kinds.length ? { kinds: search.kinds } : {}),
    ...(search.openIntakeOnly ? { intakeStatuses: ["OPEN" as const] } : {}),
    ...(search.comesToCentres ? { comesToCentres: true } : {}),
    // Whole minutes, so the filter (and the search it keys) stays the same within a minute.
    ...(search.openNow ? { openAt: new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString() } : {}),
    ...(ageOf(search.age) ? { age: Number(search.age) } : {}),
    ...(search.text.trim() ? { text: search.text.trim() } : {}),
  };
}

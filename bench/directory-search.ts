// Directory search latency at 2,000 and 20,000 centres (a municipality has 10–200).
// Loads synthetic centres into a fresh in-memory PGlite migrated like production, then times
// the search function in process: database pre-filter, opening-hours rules, haversine ranking
// and activities and reasons for the first page (what the `centres` query does). Prints p50/p95; no pass/fail.
// Usage: npx tsx bench/directory-search.ts [sizes…]   (default: 2000 20000)
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { openPglite } from "../server/db/database.ts";
import { applyMigrations } from "../server/db/migrate.ts";
import { loadPgliteExtensions } from "../server/db/pglite.ts";
import type { Offer, TargetGroup } from "../server/generated/prisma/enums.ts";
import {
  centreReasons,
  rankCentres,
  type CentreSearchFilter,
} from "../server/modules/directory/directory-search.ts";

const SIZES = process.argv.slice(2).map(Number).filter((size) => size > 0);
// Fewer runs at the large size keep the whole benchmark within a few minutes.
const iterationsFor = (size: number) => (size >= 10_000 ? 10 : 25);
const WARM_UP = 2;
const PAGE_SIZE = 20;
const CHUNK = 1000;
// Thursday 18:00 in Copenhagen: a busy hour for "open now".
const NOW = new Date("2026-11-26T17:00:00.000Z");
const CENTRE = { latitude: 55.4904, longitude: 9.4722 };

const TARGET_GROUPS: TargetGroup[] = ["MENTAL_VULNERABILITY", "COGNITIVE_DISABILITY", "ADDICTION", "HOMELESSNESS", "YOUNG_ADULTS", "ADULTS", "LONELINESS"];
const OFFERS: Offer[] = ["MEAL", "COMMUNITY", "ADVICE", "ACTIVITIES", "SHOWER_LAUNDRY", "REST", "COMPUTER_ACCESS", "CREATIVE_WORKSHOP"];

const SEARCHES: { name: string; filter: CentreSearchFilter }[] = [
  {
    name: "typical: target group + meal + open now + within 10 km",
    filter: {
      targetGroups: ["MENTAL_VULNERABILITY"],
      offers: ["MEAL"],
      openPreset: "NOW",
      near: { ...CENTRE, radiusKm: 10 },
    },
  },
  { name: "broad: this evening, no other filter", filter: { openPreset: "THIS_EVENING" } },
];

// A small deterministic generator so runs are comparable.
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function loadCentres(count: number) {
  const pglite = await PGlite.create({ extensions: loadPgliteExtensions() });
  const database = openPglite(pglite);
  await applyMigrations(database.sql);
  // PGlite learns array types when it opens; the enum arrays only exist after migrating.
  await pglite.refreshArrayTypes();
  const prisma = database.prisma;
  const random = generator(count);
  const pick = <Value>(values: readonly Value[], howMany: number) =>
    [...new Set(Array.from({ length: howMany }, () => values[Math.floor(random() * values.length)]!))];
  const organisation = await prisma.organisation.create({ data: { name: "Benchmark Kommune", kind: "MUNICIPAL" } });
  for (let offset = 0; offset < count; offset += CHUNK) {
    const size = Math.min(CHUNK, count - offset);
    const unitIds = Array.from({ length: size }, () => randomUUID());
    const centreIds = Array.from({ length: size }, () => randomUUID());
    await prisma.unit.createMany({
      data: unitIds.map((id, index) => ({ id, organisationId: organisation.id, kind: "CENTRE" as const, name: `Værested ${offset + index}` })),
    });
    await prisma.centre.createMany({
      data: centreIds.map((id, index) => ({
        id,
        unitId: unitIds[index]!,
        name: `Værested ${offset + index}`,
        description: "Et sted at være, med kaffe og fællesskab.",
        street: "Benchvej 1",
        postalCode: "6999",
        city: "Fjordby",
        // Spread over roughly 60 × 60 km around Fjordby.
        latitude: CENTRE.latitude + (random() - 0.5) * 0.54,
        longitude: CENTRE.longitude + (random() - 0.5) * 0.95,
        targetGroups: pick(TARGET_GROUPS, 2),
        offers: pick(OFFERS, 3),
        languages: ["da", ...pick(["en", "ar", "pl", "uk"], 1)],
      })),
    });
    await prisma.openingPeriod.createMany({
      data: centreIds.flatMap((centreId) => {
        const opensAt = 8 * 60 + Math.floor(random() * 8) * 60;
        const weekdays = [1, 2, 3, 4, 5].filter(() => random() < 0.8);
        const evening = random() < 0.3 ? [{ centreId, weekday: 4, startMinute: 18 * 60, endMinute: 23 * 60, staffing: "VOLUNTEERS" as const }] : [];
        return [
          ...weekdays.map((weekday) => ({ centreId, weekday, startMinute: opensAt, endMinute: Math.min(opensAt + 6 * 60, 17 * 60 + 59) })),
          ...evening,
        ];
      }),
    });
  }
  return database;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

for (const size of SIZES.length > 0 ? SIZES : [2000, 20000]) {
  const loadStart = performance.now();
  const database = await loadCentres(size);
  console.log(`\n${size.toLocaleString("en")} centres (loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s)`);
  for (const search of SEARCHES) {
    const timings: number[] = [];
    let matches = 0;
    const iterations = iterationsFor(size);
    for (let run = 0; run < WARM_UP + iterations; run++) {
      const started = performance.now();
      const ranked = await rankCentres(database.prisma, search.filter, NOW);
      const page = ranked.slice(0, PAGE_SIZE);
      const activities = await database.prisma.activity.findMany({
        where: { centreId: { in: page.map((match) => match.centre.id) } },
      });
      for (const match of page) {
        centreReasons(match, search.filter, NOW, activities.filter((activity) => activity.centreId === match.centre.id));
      }
      if (run >= WARM_UP) timings.push(performance.now() - started);
      matches = ranked.length;
    }
    timings.sort((left, right) => left - right);
    console.log(
      `  ${search.name}: ${matches} matches, p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms (${iterations} runs)`,
    );
  }
  await database.close();
}

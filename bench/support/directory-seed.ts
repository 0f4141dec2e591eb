// The synthetic directory of the directory benchmark (bench/directory.ts), also used to explain
// the search plans at volume by hand.
/** The whole synthetic directory in a few statements: deterministic, and fast on both databases. */
export function seedSql(size: number): string {
  // Today's target groups and offers in the order of the enums they were (the same directory as before).
  const groups = `ARRAY['MENTAL_VULNERABILITY', 'COGNITIVE_DISABILITY', 'ADDICTION', 'HOMELESSNESS', 'YOUNG_ADULTS', 'ADULTS', 'LONELINESS']`;
  const offers = `ARRAY['MEAL', 'COMMUNITY', 'ADVICE', 'ACTIVITIES', 'SHOWER_LAUNDRY', 'REST', 'COMPUTER_ACCESS', 'CREATIVE_WORKSHOP']`;
  return `
    SELECT setseed(0.42);
    INSERT INTO "Organisation" ("id", "name", "kind") VALUES ('bench-organisation', 'Benchmark Kommune', 'MUNICIPAL');
    INSERT INTO "Unit" ("id", "organisationId", "kind", "name")
      SELECT 'bench-unit-' || g, 'bench-organisation', 'CENTRE', 'Værested ' || g FROM generate_series(1, ${size}) AS g;
    INSERT INTO "Centre" ("id", "unitId", "name", "description", "street", "postalCode", "city", "latitude", "longitude",
                          "targetGroups", "offers", "accessibility", "languages", "isAnonymousWelcome", "updatedAt")
      SELECT 'bench-centre-' || g, 'bench-unit-' || g, 'Værested ' || g, 'Et sted at være, med kaffe og fællesskab.',
             'Benchvej ' || g, '8000', 'Benchby', 54.8 + random() * 2.8, 8.1 + random() * 4.5,
             ARRAY[(${groups})[1 + g % 7], (${groups})[1 + (g % 7 + 1 + (g / 7) % 6) % 7]],
             ARRAY[(${offers})[1 + g % 8], (${offers})[1 + (g + 3) % 8]],
             CASE WHEN g % 3 = 0 THEN ARRAY['STEP_FREE_ACCESS']::"AccessibilityFeature"[] ELSE ARRAY[]::"AccessibilityFeature"[] END,
             CASE WHEN g % 4 = 0 THEN ARRAY['da', 'en'] ELSE ARRAY['da'] END, g % 5 <> 0, now()
      FROM generate_series(1, ${size}) AS g;
    -- Monday–Friday mornings and afternoons (10 periods); a quarter also open 18–21 every day;
    -- 5% open through Friday and Saturday night (20:00–02:00).
    INSERT INTO "OpeningPeriod" ("id", "centreId", "weekday", "startMinute", "endMinute", "isOvernight", "staffing")
      SELECT 'bench-period-' || g || '-' || d || '-' || part, 'bench-centre-' || g, d,
             CASE part WHEN 1 THEN 540 + 30 * (g % 3) ELSE 780 END,
             CASE part WHEN 1 THEN 720 ELSE 960 + 30 * (g % 4) END,
             false, CASE WHEN part = 2 AND g % 5 = 0 THEN 'VOLUNTEERS' ELSE 'STAFFED' END::"Staffing"
      FROM generate_series(1, ${size}) AS g, generate_series(1, 5) AS d, generate_series(1, 2) AS part;
    INSERT INTO "OpeningPeriod" ("id", "centreId", "weekday", "startMinute", "endMinute", "isOvernight", "staffing")
      SELECT 'bench-evening-' || g || '-' || d, 'bench-centre-' || g, d, 1080, 1260, false, 'VOLUNTEERS'
      FROM generate_series(4, ${size}, 4) AS g, generate_series(1, 7) AS d;
    INSERT INTO "OpeningPeriod" ("id", "centreId", "weekday", "startMinute", "endMinute", "isOvernight", "staffing")
      SELECT 'bench-night-' || g || '-' || d, 'bench-centre-' || g, d, 1200, 120, true, 'STAFFED'
      FROM generate_series(20, ${size}, 20) AS g, generate_series(5, 6) AS d;
    -- A fifth of the centres closed on one day in the coming month.
    INSERT INTO "OpeningException" ("id", "centreId", "date", "kind", "reason")
      SELECT 'bench-closed-' || g, 'bench-centre-' || g, current_date + (g % 30), 'CLOSED', 'Personaledag'
      FROM generate_series(5, ${size}, 5) AS g;
    INSERT INTO "Activity" ("id", "centreId", "title", "recurrence", "weekday", "startMinute", "endMinute", "offers")
      SELECT 'bench-activity-' || g || '-' || a, 'bench-centre-' || g, CASE a WHEN 1 THEN 'Fællesspisning' ELSE 'Gåtur' END,
             'WEEKLY', 1 + (g + a) % 5, 600 + 60 * a, 720 + 60 * a, ARRAY['MEAL']
      FROM generate_series(1, ${size}) AS g, generate_series(1, 2) AS a;
    ANALYZE;
  `;
}

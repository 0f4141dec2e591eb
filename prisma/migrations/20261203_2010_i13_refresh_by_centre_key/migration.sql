-- directory_open_intervals (20261202_1710_i13_open_intervals) chose its centres with
-- `"id" IN (SELECT unnest(centre_ids))`. PostgreSQL estimates such a set at half the directory,
-- so the refresh of one centre joined every opening period with every calendar day before it
-- kept the centre's: at 30,000 centres 1.4 s for each statement that changes a centre's hours
-- (setOpeningPeriods runs two). `= ANY(centre_ids)` is estimated from the array, and the
-- centre's periods are read by their index: 15–35 ms for the whole trigger. The same centres,
-- the same rows; the calendar's all-centre call (NULL) is unchanged.
CREATE OR REPLACE FUNCTION directory_open_intervals(centre_ids text[], day_list date[])
RETURNS TABLE ("centreId" text, "date" date, "startMs" bigint, "endMs" bigint)
LANGUAGE sql STABLE AS $$
  WITH q AS MATERIALIZED (
    SELECT * FROM "DirectoryCalendarDay" d WHERE day_list IS NULL OR d."date" IN (SELECT unnest(day_list))
  ),
  c AS MATERIALIZED (
    SELECT ce.* FROM "Centre" ce WHERE centre_ids IS NULL OR ce."id" = ANY(centre_ids)
  ),
  opening AS (
    SELECT c."id", q."date", p."startMinute" AS s, p."endMinute" + CASE WHEN p."isOvernight" THEN 1440 ELSE 0 END AS e
    FROM c JOIN "OpeningPeriod" p ON p."centreId" = c."id" JOIN q ON p."weekday" = q."weekday"
    WHERE (q."kind" = 0 OR (q."kind" = 1 AND c."publicHolidayPolicy" = 'NORMAL_HOURS')
           OR (q."kind" = 2 AND c."commonClosedDaysPolicy" = 'NORMAL_HOURS'))
      AND NOT EXISTS (SELECT 1 FROM "OpeningException" x WHERE x."centreId" = c."id" AND x."date" = q."date")
    UNION ALL
    SELECT c."id", q."date", x."startMinute", x."endMinute" + CASE WHEN x."endMinute" < x."startMinute" THEN 1440 ELSE 0 END
    FROM c JOIN "OpeningException" x ON x."centreId" = c."id" JOIN q ON x."date" = q."date"
    WHERE x."startMinute" IS NOT NULL AND x."endMinute" IS NOT NULL AND x."kind" <> 'CLOSED'
    UNION ALL
    SELECT c."id", q."date", c."publicHolidayStartMinute",
           c."publicHolidayEndMinute" + CASE WHEN c."publicHolidayEndMinute" < c."publicHolidayStartMinute" THEN 1440 ELSE 0 END
    FROM c CROSS JOIN q
    WHERE q."kind" = 1 AND c."publicHolidayPolicy" = 'SPECIAL_HOURS'
      AND c."publicHolidayStartMinute" IS NOT NULL AND c."publicHolidayEndMinute" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "OpeningException" x WHERE x."centreId" = c."id" AND x."date" = q."date")
    UNION ALL
    SELECT c."id", q."date", c."commonClosedDaysStartMinute",
           c."commonClosedDaysEndMinute" + CASE WHEN c."commonClosedDaysEndMinute" < c."commonClosedDaysStartMinute" THEN 1440 ELSE 0 END
    FROM c CROSS JOIN q
    WHERE q."kind" = 2 AND c."commonClosedDaysPolicy" = 'SPECIAL_HOURS'
      AND c."commonClosedDaysStartMinute" IS NOT NULL AND c."commonClosedDaysEndMinute" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "OpeningException" x WHERE x."centreId" = c."id" AND x."date" = q."date")
  ),
  span AS (
    SELECT o."id", o."date",
           q."baseMs" + (o.s - CASE WHEN o.s < q."switchMinute" THEN q."offsetBefore" ELSE q."offsetAfter" END)::bigint * 60000 AS a,
           q."baseMs" + (o.e - CASE WHEN o.e < q."switchMinute" THEN q."offsetBefore" ELSE q."offsetAfter" END)::bigint * 60000 AS b
    FROM opening o JOIN q ON q."date" = o."date"
  )
  SELECT DISTINCT span."id", span."date", span.a, span.b FROM span WHERE span.b > span.a
$$;

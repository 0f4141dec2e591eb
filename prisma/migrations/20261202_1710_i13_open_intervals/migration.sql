-- CreateTable
CREATE TABLE "DirectoryCalendarDay" (
    "date" DATE NOT NULL,
    "weekday" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "baseMs" BIGINT NOT NULL,
    "offsetBefore" INTEGER NOT NULL,
    "switchMinute" INTEGER NOT NULL,
    "offsetAfter" INTEGER NOT NULL,

    CONSTRAINT "DirectoryCalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "CentreOpenInterval" (
    "centreId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "startMs" BIGINT NOT NULL,
    "endMs" BIGINT NOT NULL,

    CONSTRAINT "CentreOpenInterval_pkey" PRIMARY KEY ("centreId","date","startMs","endMs")
);

-- AddForeignKey
ALTER TABLE "CentreOpenInterval" ADD CONSTRAINT "CentreOpenInterval_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreOpenInterval" ADD CONSTRAINT "CentreOpenInterval_date_fkey" FOREIGN KEY ("date") REFERENCES "DirectoryCalendarDay"("date") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (issue #13): open intervals materialised for the calendar days in
-- "DirectoryCalendarDay", so "open at T / during [a, b)" is an index lookup instead of a test of
-- every centre's weekly periods. The rules are those of directory-query.ts openDuringSql (and so
-- of opening-hours.ts): the date's exception, else the holiday or closed-day policy, else the
-- weekly periods; an overnight opening runs into the next date; instants come from the
-- calendar day's offsets.

-- "Which centres are open during [a, b)" reads this index; "is centre c open" reads the key.
CREATE INDEX "CentreOpenInterval_during_idx" ON "CentreOpenInterval" USING gist (int8range("startMs", "endMs"));

-- The openings of some centres (NULL: all) on some calendar days (NULL: all in the calendar).
CREATE FUNCTION directory_open_intervals(centre_ids text[], day_list date[])
RETURNS TABLE ("centreId" text, "date" date, "startMs" bigint, "endMs" bigint)
LANGUAGE sql STABLE AS $$
  WITH q AS MATERIALIZED (
    SELECT * FROM "DirectoryCalendarDay" d WHERE day_list IS NULL OR d."date" IN (SELECT unnest(day_list))
  ),
  c AS MATERIALIZED (
    SELECT ce.* FROM "Centre" ce WHERE centre_ids IS NULL OR ce."id" IN (SELECT unnest(centre_ids))
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

-- Recomputes the intervals of some centres. Shares a lock with directory_extend_calendar, so a
-- calendar extension never computes a centre's new days from hours that are being changed.
CREATE FUNCTION directory_refresh_open_intervals(centre_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7213013);
  -- No calendar, no intervals (they reference its days): nothing to recompute.
  IF NOT EXISTS (SELECT 1 FROM "DirectoryCalendarDay") THEN
    RETURN;
  END IF;
  DELETE FROM "CentreOpenInterval" WHERE "centreId" IN (SELECT unnest(centre_ids));
  INSERT INTO "CentreOpenInterval" ("centreId", "date", "startMs", "endMs")
    SELECT * FROM directory_open_intervals(centre_ids, NULL);
END $$;

-- Statement triggers (one refresh per statement, however many rows it touched).
CREATE FUNCTION directory_hours_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_TABLE_NAME = 'Centre' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(n."id") INTO ids FROM new_rows n
      WHERE n."publicHolidayPolicy" = 'SPECIAL_HOURS' OR n."commonClosedDaysPolicy" = 'SPECIAL_HOURS';
    ELSE
      SELECT array_agg(n."id") INTO ids FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (n."publicHolidayPolicy", n."publicHolidayStartMinute", n."publicHolidayEndMinute",
             n."commonClosedDaysPolicy", n."commonClosedDaysStartMinute", n."commonClosedDaysEndMinute")
            IS DISTINCT FROM
            (o."publicHolidayPolicy", o."publicHolidayStartMinute", o."publicHolidayEndMinute",
             o."commonClosedDaysPolicy", o."commonClosedDaysStartMinute", o."commonClosedDaysEndMinute");
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."centreId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."centreId") INTO ids FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT changed."centreId") INTO ids
    FROM (SELECT n."centreId" FROM new_rows n UNION SELECT o."centreId" FROM old_rows o) AS changed;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM directory_refresh_open_intervals(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "OpeningPeriod_intervals_insert" AFTER INSERT ON "OpeningPeriod"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "OpeningPeriod_intervals_update" AFTER UPDATE ON "OpeningPeriod"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "OpeningPeriod_intervals_delete" AFTER DELETE ON "OpeningPeriod"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "OpeningException_intervals_insert" AFTER INSERT ON "OpeningException"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "OpeningException_intervals_update" AFTER UPDATE ON "OpeningException"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "OpeningException_intervals_delete" AFTER DELETE ON "OpeningException"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "Centre_intervals_insert" AFTER INSERT ON "Centre"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();
CREATE TRIGGER "Centre_intervals_update" AFTER UPDATE ON "Centre"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_hours_changed();

-- Moves the calendar to `days` (computed in Node: holidays.ts, the offsets of opening-hours.ts):
-- drops the days not listed (their intervals cascade) and materialises the new ones for every
-- centre. Returns how many days were added.
CREATE FUNCTION directory_extend_calendar(days jsonb) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  added date[];
BEGIN
  PERFORM pg_advisory_xact_lock(7213013);
  DELETE FROM "DirectoryCalendarDay" d
  WHERE d."date" NOT IN (SELECT (value ->> 'date')::date FROM jsonb_array_elements(days));
  WITH inserted AS (
    INSERT INTO "DirectoryCalendarDay" ("date", "weekday", "kind", "baseMs", "offsetBefore", "switchMinute", "offsetAfter")
    SELECT * FROM jsonb_to_recordset(days) AS r("date" date, "weekday" int, "kind" int, "baseMs" bigint,
                                                 "offsetBefore" int, "switchMinute" int, "offsetAfter" int)
    ON CONFLICT ("date") DO NOTHING
    RETURNING "date"
  )
  SELECT array_agg("date") INTO added FROM inserted;
  IF added IS NOT NULL THEN
    INSERT INTO "CentreOpenInterval" ("centreId", "date", "startMs", "endMs")
      SELECT * FROM directory_open_intervals(NULL, added);
  END IF;
  RETURN coalesce(array_length(added, 1), 0);
END $$;

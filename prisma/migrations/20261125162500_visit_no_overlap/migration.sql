-- Hand-written: what Prisma's schema language cannot express.
-- No double booking, enforced by the database: two live bookings (requested or confirmed)
-- never overlap in the same space. Holds across any number of server instances.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Visit" ADD CONSTRAINT "Visit_no_overlap_in_space"
  EXCLUDE USING gist ("spaceId" WITH =, tsrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE (status IN ('REQUESTED', 'CONFIRMED'));

ALTER TABLE "Visit" ADD CONSTRAINT "Visit_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "OpeningPeriod" ADD CONSTRAINT "OpeningPeriod_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "VisitorTally" ADD CONSTRAINT "VisitorTally_count_not_negative" CHECK ("count" >= 0);

-- Hand-written: the directory search runs in the database (issue #13).
-- Nothing here changes a table, so schema.prisma is untouched; these are extensions, functions
-- and expression indexes, which Prisma's schema language cannot express.

-- Distance: a GiST index on a point on the earth (cube + earthdistance, both in PostgreSQL's
-- contrib and in PGlite's) gives radius pre-filters and nearest-first scans.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- Great-circle distance in km, the same formula (and radius) as haversineKm in TypeScript, so
-- the database filters and orders exactly as the reference ranking does.
CREATE FUNCTION directory_haversine_km(from_latitude float8, from_longitude float8, to_latitude float8, to_longitude float8)
RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 2 * 6371.0088 * asin(least(1, sqrt(
    sin(((to_latitude - from_latitude) * pi() / 180) / 2) * sin(((to_latitude - from_latitude) * pi() / 180) / 2) +
    cos(from_latitude * pi() / 180) * cos(to_latitude * pi() / 180) *
    sin(((to_longitude - from_longitude) * pi() / 180) / 2) * sin(((to_longitude - from_longitude) * pi() / 180) / 2)
  )))
$$;

-- Names sort as Danish readers expect (localeCompare(…, "da"): æ, ø, å after z, "aa" as å,
-- accents and then case (upper first) only break ties). PGlite has no ICU collations, so the
-- rule is a sort key compared byte-wise (COLLATE "C"): primary letters, then accents, then case.
-- Characters outside the listed alphabet compare by their code points.
CREATE FUNCTION directory_name_key(name text)
RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT
    translate(contracted, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøåÄÖÜäöüÉÈÁÀÍÓÚÝéèáàíóúý' || chr(2) || chr(3) || chr(4) || '-',
                          'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz{|}{|}{|y{|yeeaaiouyeeaaiouy' || '}}}' || '!')
    || chr(1) ||
    translate(contracted, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøåÄÖÜäöüÉÈÁÀÍÓÚÝéèáàíóúý' || chr(2) || chr(3) || chr(4),
                          '00000000000000000000000000000000000000000000000000000000001111111212111112121111' || '000')
    || chr(1) ||
    translate(contracted, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøåÄÖÜäöüÉÈÁÀÍÓÚÝéèáàíóúý' || chr(2) || chr(3) || chr(4),
                          '00000000000000000000000000333333333333333333333333330003330003330000000033333333' || '124')
  FROM (SELECT replace(replace(replace(name, 'AA', chr(2)), 'Aa', chr(3)), 'aa', chr(4)) AS contracted) AS contraction
$$;

CREATE INDEX "Centre_earth_point_idx" ON "Centre" USING gist (ll_to_earth("latitude", "longitude"));
CREATE INDEX "Service_earth_point_idx" ON "Service" USING gist (ll_to_earth("latitude", "longitude"))
  WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
CREATE INDEX "Centre_name_key_idx" ON "Centre" ((directory_name_key("name")) COLLATE "C", "id");

-- Opening hours: each weekly period as a range of minutes of the week (Monday 00:00 = 0); an
-- overnight period runs past its day's 1440 (Sunday's into 10080+). The search asks "which
-- periods of weekday d overlap minutes a..b of that day" with one index probe.
CREATE INDEX "OpeningPeriod_week_minutes_idx" ON "OpeningPeriod" USING gist (
  int4range(("weekday" - 1) * 1440 + "startMinute",
            ("weekday" - 1) * 1440 + "endMinute" + CASE WHEN "isOvernight" THEN 1440 ELSE 0 END));

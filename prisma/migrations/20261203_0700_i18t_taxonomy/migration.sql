-- Issue 18 item 7: a taxonomy that can grow. Target groups and offers become rows a platform
-- admin can extend; centres, services and activities keep the terms' stable codes. Every value
-- of the former enums becomes a term with the same code, and every stored value is kept (the
-- columns are cast, not rebuilt). Services and centres get optional age limits; a service can be
-- "signposting only" (an offer outside the platform, without an inbox).

-- CreateEnum
CREATE TYPE "TaxonomyVocabulary" AS ENUM ('TARGET_GROUP', 'OFFER');

-- CreateTable
CREATE TABLE "TaxonomyTerm" (
    "id" TEXT NOT NULL,
    "vocabulary" "TaxonomyVocabulary" NOT NULL,
    "code" TEXT NOT NULL,
    "nameDa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionDa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaxonomyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaxonomyTerm_vocabulary_position_idx" ON "TaxonomyTerm"("vocabulary", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TaxonomyTerm_vocabulary_code_key" ON "TaxonomyTerm"("vocabulary", "code");

-- Today's values, with the names the client showed (ids derived from the code: the same in
-- every installation).
INSERT INTO "TaxonomyTerm" ("id", "vocabulary", "code", "nameDa", "nameEn", "position", "updatedAt")
SELECT md5('taxonomy:' || v.vocabulary || ':' || v.code)::uuid::text, v.vocabulary::"TaxonomyVocabulary", v.code, v.name_da, v.name_en, v.position, CURRENT_TIMESTAMP
FROM (VALUES
  ('TARGET_GROUP', 'MENTAL_VULNERABILITY', 'Psykisk sårbarhed', 'Mental vulnerability', 10),
  ('TARGET_GROUP', 'LONELINESS', 'Ensomhed', 'Loneliness', 20),
  ('TARGET_GROUP', 'ADDICTION', 'Misbrug og rusmidler', 'Addiction and substance use', 30),
  ('TARGET_GROUP', 'HOMELESSNESS', 'Hjemløshed', 'Homelessness', 40),
  ('TARGET_GROUP', 'COGNITIVE_DISABILITY', 'Kognitive udfordringer og udviklingshæmning', 'Cognitive and intellectual disability', 50),
  ('TARGET_GROUP', 'YOUNG_ADULTS', 'Unge voksne (18–30 år)', 'Young adults (18–30)', 60),
  ('TARGET_GROUP', 'ADULTS', 'Voksne (18+)', 'Adults (18+)', 70),
  ('OFFER', 'MEAL', 'Et måltid', 'A meal', 10),
  ('OFFER', 'COMMUNITY', 'Fællesskab', 'Community', 20),
  ('OFFER', 'ADVICE', 'Rådgivning', 'Advice', 30),
  ('OFFER', 'ACTIVITIES', 'Aktiviteter', 'Activities', 40),
  ('OFFER', 'CREATIVE_WORKSHOP', 'Kreativt værksted', 'Creative workshop', 50),
  ('OFFER', 'COMPUTER_ACCESS', 'Computer og hjælp til det digitale', 'Computer and digital help', 60),
  ('OFFER', 'SHOWER_LAUNDRY', 'Bad og tøjvask', 'Shower and laundry', 70),
  ('OFFER', 'REST', 'Hvile og ro', 'Rest and quiet', 80)
) AS v(vocabulary, code, name_da, name_en, position);

-- Every column of the two enum types becomes text with the same codes: no value is lost. Today
-- these are Centre.targetGroups, Centre.offers, Service.targetGroups and Activity.offers; the
-- loop also converts a column another change of the same round adds with these types.
DO $$
DECLARE
  col RECORD;
BEGIN
  FOR col IN
    SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.udt_name IN ('TargetGroup', 'Offer', '_TargetGroup', '_Offer')
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DATA TYPE %s USING %I::%s',
                   col.table_name, col.column_name,
                   CASE WHEN col.data_type = 'ARRAY' THEN 'TEXT[]' ELSE 'TEXT' END, col.column_name,
                   CASE WHEN col.data_type = 'ARRAY' THEN 'TEXT[]' ELSE 'TEXT' END);
  END LOOP;
END $$;

-- DropEnum
DROP TYPE "TargetGroup";

-- DropEnum
DROP TYPE "Offer";

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "maxAge" INTEGER,
ADD COLUMN     "minAge" INTEGER;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "isSignpostingOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "maxAge" INTEGER,
ADD COLUMN     "minAge" INTEGER;

-- Age limits are whole years from 0 to 120, the lower not above the upper.
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_age_limits" CHECK (
  ("minAge" IS NULL OR "minAge" BETWEEN 0 AND 120) AND ("maxAge" IS NULL OR "maxAge" BETWEEN 0 AND 120)
  AND ("minAge" IS NULL OR "maxAge" IS NULL OR "minAge" <= "maxAge"));
ALTER TABLE "Service" ADD CONSTRAINT "Service_age_limits" CHECK (
  ("minAge" IS NULL OR "minAge" BETWEEN 0 AND 120) AND ("maxAge" IS NULL OR "maxAge" BETWEEN 0 AND 120)
  AND ("minAge" IS NULL OR "maxAge" IS NULL OR "minAge" <= "maxAge"));

-- A code in a directory array is a term of its vocabulary. Checked at commit (deferred), so an
-- import may insert entries before the terms they use. The trigger's arguments name the array
-- columns and their vocabularies, in pairs.
CREATE FUNCTION "taxonomy_codes_known"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  argument INTEGER := 0;
  codes JSONB;
BEGIN
  WHILE argument < TG_NARGS LOOP
    codes := nullif(to_jsonb(NEW) -> TG_ARGV[argument], 'null'::jsonb);
    IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(codes, '[]'::jsonb)) AS used(code)
               WHERE NOT EXISTS (SELECT 1 FROM "TaxonomyTerm" t
                                 WHERE t."vocabulary" = TG_ARGV[argument + 1]::"TaxonomyVocabulary" AND t."code" = used.code)) THEN
      RAISE EXCEPTION 'A value of %.% is not a term of the % vocabulary', TG_TABLE_NAME, TG_ARGV[argument], TG_ARGV[argument + 1]
        USING ERRCODE = '23503';
    END IF;
    argument := argument + 2;
  END LOOP;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Centre_taxonomy_codes" AFTER INSERT OR UPDATE OF "targetGroups", "offers" ON "Centre"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "taxonomy_codes_known"('targetGroups', 'TARGET_GROUP', 'offers', 'OFFER');
CREATE CONSTRAINT TRIGGER "Service_taxonomy_codes" AFTER INSERT OR UPDATE OF "targetGroups" ON "Service"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "taxonomy_codes_known"('targetGroups', 'TARGET_GROUP');
CREATE CONSTRAINT TRIGGER "Activity_taxonomy_codes" AFTER INSERT OR UPDATE OF "offers" ON "Activity"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "taxonomy_codes_known"('offers', 'OFFER');

-- A term is retired, never deleted, and its code never changes: no stored value loses its term.
CREATE FUNCTION "TaxonomyTerm_keep_codes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'A taxonomy term is retired, never deleted' USING ERRCODE = '23503';
  END IF;
  IF NEW."code" <> OLD."code" OR NEW."vocabulary" <> OLD."vocabulary" THEN
    RAISE EXCEPTION 'A taxonomy term''s code never changes' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "TaxonomyTerm_keep_codes" BEFORE UPDATE OR DELETE ON "TaxonomyTerm"
  FOR EACH ROW EXECUTE FUNCTION "TaxonomyTerm_keep_codes"();

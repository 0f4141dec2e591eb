-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "slug" TEXT;

-- Existing centres get a slug from their name ("Værestedet Lyset" → "lyset"); a clash gets -2, -3.
UPDATE "Centre" AS centre SET "slug" = numbered.slug
FROM (
  SELECT id,
         CASE WHEN row_number() OVER (PARTITION BY base ORDER BY "createdAt", id) = 1 THEN base
              ELSE base || '-' || row_number() OVER (PARTITION BY base ORDER BY "createdAt", id) END AS slug
  FROM (
    SELECT id, "createdAt",
           COALESCE(NULLIF(trim(BOTH '-' FROM regexp_replace(
             replace(replace(replace(lower(regexp_replace(name, '^(værestedet|værested) ', '', 'i')), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'),
             '[^a-z0-9]+', '-', 'g')), ''), left(id, 8)) AS base
    FROM "Centre"
  ) AS bases
) AS numbered
WHERE centre.id = numbered.id;

-- CreateTable
CREATE TABLE "Area" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Area_name_key" ON "Area"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Centre_slug_key" ON "Centre"("slug");

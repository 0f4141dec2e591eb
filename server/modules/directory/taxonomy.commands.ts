// Platform admins keep the taxonomy: add a term with a stable code, rename it (Danish and English
// names and descriptions, position), retire and reinstate it. A code is never changed and a term
// never deleted (the database refuses both), so no centre, service, figure or export loses a value.
import { z } from "zod";
import type { Prisma, Transaction } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validation.ts";
import { TERM_CODE_PATTERN, type TaxonomyTerm, type TaxonomyVocabulary } from "./taxonomy.ts";

const TERM = { da: "Termen", en: "The term" };
const name = z.string().trim().min(2).max(80);
const description = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((text) => text ?? "");

export const newTermSchema = z.object({
  vocabulary: z.enum(["TARGET_GROUP", "OFFER"]),
  code: z
    .string()
    .trim()
    .refine((code) => TERM_CODE_PATTERN.test(code), {
      message: "Use upper-case letters A–Z, digits and underscores, starting with a letter (2–48 characters).",
      params: { da: "Brug store bogstaver A–Z, tal og understreg, og start med et bogstav (2–48 tegn)." },
    }),
  nameDa: name,
  nameEn: name,
  descriptionDa: description,
  descriptionEn: description,
});

export const termChangesSchema = z.object({
  nameDa: name.optional(),
  nameEn: name.optional(),
  descriptionDa: z.string().trim().max(500).optional(),
  descriptionEn: z.string().trim().max(500).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});

/** Adds a term at the end of its vocabulary. */
export async function createTaxonomyTerm(prisma: Prisma, input: unknown): Promise<TaxonomyTerm> {
  const values = parseInput(newTermSchema, input); // the command takes `unknown` (seed, scripts, the resolver), so it parses itself
  const codeTaken = () =>
    ValidationError.single("code", {
      da: "Der findes allerede en term med den kode. En kode kan kun bruges én gang, også når termen er udgået.",
      en: "A term with that code already exists. A code can be used only once, even when its term is retired.",
    });
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.taxonomyTerm.findUnique({ where: { vocabulary_code: { vocabulary: values.vocabulary, code: values.code } } })) {
        throw codeTaken();
      }
      await refuseDuplicateName(tx, values.vocabulary, values.nameDa, null);
      const last = await tx.taxonomyTerm.aggregate({ where: { vocabulary: values.vocabulary }, _max: { position: true } });
      return tx.taxonomyTerm.create({ data: { ...values, position: (last._max.position ?? 0) + 10 } });
    });
  } catch (error) {
    // Two admins adding the same code at once: the unique key decides, the second is told.
    if ((error as { code?: string }).code === "P2002") throw codeTaken();
    throw error;
  }
}

/** Renames a term, changes its descriptions or its place in the list; the code stays. */
export async function updateTaxonomyTerm(prisma: Prisma, termId: string, input: unknown): Promise<TaxonomyTerm> {
  const changes = parseInput(termChangesSchema, input); // `unknown` from every caller, as createTaxonomyTerm
  return prisma.$transaction(async (tx) => {
    const term = await tx.taxonomyTerm.findUnique({ where: { id: termId } });
    if (!term) throw new NotFoundError(TERM);
    if (changes.nameDa !== undefined) await refuseDuplicateName(tx, term.vocabulary, changes.nameDa, term.id);
    return tx.taxonomyTerm.update({ where: { id: termId }, data: changes });
  });
}

/** Retires a term (at `at`) or, with null, brings it back. Entries that have the term keep it. */
export async function setTaxonomyTermRetired(prisma: Prisma, termId: string, at: Date | null): Promise<TaxonomyTerm> {
  return prisma.$transaction(async (tx) => {
    const term = await tx.taxonomyTerm.findUnique({ where: { id: termId } });
    if (!term) throw new NotFoundError(TERM);
    // Retiring twice keeps the first date: the term has been retired since then.
    if (at !== null && term.retiredAt !== null) return term;
    return tx.taxonomyTerm.update({ where: { id: termId }, data: { retiredAt: at } });
  });
}

/** How many centres, services and activities carry the term. */
export async function termUsage(prisma: Prisma, term: Pick<TaxonomyTerm, "vocabulary" | "code">): Promise<number> {
  const [row] =
    term.vocabulary === "TARGET_GROUP"
      ? await prisma.$queryRaw<{ count: number }[]>`
          SELECT ((SELECT count(*) FROM "Centre" WHERE ${term.code} = ANY("targetGroups"))
                + (SELECT count(*) FROM "Service" WHERE ${term.code} = ANY("targetGroups")))::int AS "count"`
      : await prisma.$queryRaw<{ count: number }[]>`
          SELECT ((SELECT count(*) FROM "Centre" WHERE ${term.code} = ANY("offers"))
                + (SELECT count(*) FROM "Activity" WHERE ${term.code} = ANY("offers")))::int AS "count"`;
  return Number(row?.count ?? 0);
}

// Two terms of one vocabulary with the same Danish name would read as one in every list.
async function refuseDuplicateName(tx: Transaction, vocabulary: TaxonomyVocabulary, nameDa: string, exceptId: string | null) {
  const clash = await tx.taxonomyTerm.findFirst({
    where: { vocabulary, nameDa: { equals: nameDa, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) {
    throw ValidationError.single("nameDa", {
      da: "Der findes allerede en term med det danske navn i samme liste.",
      en: "A term with that Danish name already exists in the same list.",
    });
  }
}

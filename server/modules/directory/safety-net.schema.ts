// The always-open safety net (issue 18, "never a dead end"): shelters, acute psychiatry and
// 24-hour helplines with phone numbers. The directory shows them when no centre is open, so a
// search at 03:00 on Christmas Eve never ends in "nothing open". Public to read; platform admins
// keep the list. Entries are about places, never about people.
import { z } from "zod";
import { MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { builder } from "../../graphql/builder.ts";
import { prismaSelection } from "../../graphql/selection.ts";
import { ConflictError, NotFoundError } from "../../shared/errors.ts";
import { parsedBy, refuseCprNumbers } from "../../shared/validation.ts";

const ENTRY = { da: "Døgnåbent tilbud", en: "The always-open entry" };

export const SafetyNetKindEnum = builder.enumType("SafetyNetKind", {
  description: "The kinds of the always-open safety net (\"døgnåbent / akut\").",
  values: {
    SHELTER: { description: "Herberg / nattely." },
    ACUTE_PSYCHIATRY: { description: "Akutpsykiatri." },
    HELPLINE: { description: "Døgnåben telefonlinje." },
  } as const,
});

export const SafetyNetEntryRef = builder.prismaObject("SafetyNetEntry", {
  description: "A directory entry of the kind \"døgnåbent / akut\": always reachable by phone.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.field({ type: SafetyNetKindEnum, resolve: (entry) => entry.kind }),
    phone: t.exposeString("phone"),
    phoneHref: t.string({ description: "A tel: link for the phone number.", resolve: (entry) => telHref(entry.phone) }),
    address: t.exposeString("address", { nullable: true }),
    description: t.exposeString("description"),
    alwaysOpen: t.boolean({ description: "true: open around the clock.", resolve: (entry) => entry.hoursText === null }),
    hoursText: t.exposeString("hoursText", { nullable: true, description: "The hours in words when not around the clock." }),
    municipality: t.exposeString("municipality"),
  }),
});

/** tel: link of a Danish phone number as written ("70 10 00 01" → "tel:+4570100001"). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return `tel:${digits}`;
  if (digits.length === 8) return `tel:+45${digits}`;
  return `tel:${digits}`;
}

const KIND_ORDER = { SHELTER: 0, ACUTE_PSYCHIATRY: 1, HELPLINE: 2 } as const;

/** Safety-net entries (already by name) grouped by kind: shelters, acute psychiatry, helplines. */
export function sortSafetyNet<Entry extends { kind: keyof typeof KIND_ORDER }>(entries: Entry[]): Entry[] {
  return entries.sort((left, right) => KIND_ORDER[left.kind] - KIND_ORDER[right.kind]);
}

builder.queryField("safetyNet", (t) =>
  t.prismaField({
    type: [SafetyNetEntryRef],
    description: "The always-open safety net (shelters, acute psychiatry, 24-hour helplines), by kind and name. Public.",
    authScopes: { public: true },
    resolve: async (query, _root, _args, context) => {
      const entries = await context.prisma.safetyNetEntry.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] });
      return sortSafetyNet(entries);
    },
  }),
);

const text = (max: number, message: string) => z.string().trim().min(2, { message }).max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const entrySchema = z.object({
  name: text(120, "Give the entry a name of at least 2 characters."),
  kind: z.enum(["SHELTER", "ACUTE_PSYCHIATRY", "HELPLINE"]),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ]{3,20}$/, { message: "Give a phone number of digits and spaces." }),
  address: optional(200),
  description: z.string().trim().max(1000).nullish().transform((value) => value ?? ""),
  hoursText: optional(200),
  municipality: z.string().trim().min(2).max(80).nullish().transform((value) => value ?? "Fjordby"),
});

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const SafetyNetEntryInput = builder.inputType("SafetyNetEntryInput", {
  description: "An always-open entry. Leave hoursText empty for \"open around the clock\".",
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: SafetyNetKindEnum, required: true }),
    phone: t.string({ required: true }),
    address: t.string({ required: false }),
    description: t.string({ required: false }),
    hoursText: t.string({ required: false }),
    municipality: t.string({ required: false }),
  }),
});

/** The entry as `validate: { schema: entrySchema }` parsed it, refused if it holds a CPR-like number. */
function checkedEntry(input: unknown) {
  const entry = parsedBy(entrySchema, input);
  refuseCprNumbers({
    name: entry.name,
    phone: entry.phone,
    address: entry.address,
    description: entry.description,
    hoursText: entry.hoursText,
    municipality: entry.municipality,
  });
  return entry;
}

async function withUniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ConflictError({ da: "Der findes allerede et døgnåbent tilbud med det navn.", en: "An always-open entry with that name already exists." });
    }
    throw error;
  }
}

builder.mutationField("createSafetyNetEntry", (t) =>
  t.prismaField({
    type: SafetyNetEntryRef,
    description: "Adds an always-open entry. Platform admins only.",
    args: { input: t.arg({ type: SafetyNetEntryInput, required: true, validate: { schema: entrySchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: (query, _root, { input }, context) => {
      const entry = checkedEntry(input);
      return withUniqueName(() => context.prisma.safetyNetEntry.create({ ...prismaSelection(query), data: entry }));
    },
  }),
);

builder.mutationField("updateSafetyNetEntry", (t) =>
  t.prismaField({
    type: SafetyNetEntryRef,
    description: "Changes an always-open entry. Platform admins only.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SafetyNetEntryInput, required: true, validate: { schema: entrySchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: async (query, _root, { id, input }, context) => {
      const entry = checkedEntry(input);
      if (!(await context.prisma.safetyNetEntry.findUnique({ where: { id: String(id) }, select: { id: true } }))) throw new NotFoundError(ENTRY);
      return withUniqueName(() => context.prisma.safetyNetEntry.update({ ...prismaSelection(query), where: { id: String(id) }, data: entry }));
    },
  }),
);

builder.mutationField("deleteSafetyNetEntry", (t) =>
  t.boolean({
    description: "Removes an always-open entry. Platform admins only.",
    args: { id: t.arg.id({ required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: async (_root, { id }, context) => {
      const { count } = await context.prisma.safetyNetEntry.deleteMany({ where: { id: String(id) } });
      if (count === 0) throw new NotFoundError(ENTRY);
      return true;
    },
  }),
);

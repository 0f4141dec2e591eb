// Ideas and barriers in the graph: anyone raises one at a centre (anonymously through its public
// page, rate limited per address), coordinators qualify them, and the answers are public.
import { z } from "zod";
import { IdeaKind, IdeaSource, IdeaStatus, InitiativeKind } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { IllegalTransitionError, RateLimitedError, ValidationError } from "../../shared/errors.ts";
import { parsedBy } from "../../shared/validation.ts";
import { CentreRef } from "../directory/index.ts";
import { deleteIdea, findIdeaCentreOrThrow, ideaSourceFor, qualifyIdea, raiseIdea } from "./ideas.ts";
import { InitiativeKindEnum, InitiativeRef } from "./initiative.schema.ts";

const IdeaKindEnum = builder.enumType(IdeaKind, { name: "IdeaKind" });
const IdeaStatusEnum = builder.enumType(IdeaStatus, {
  name: "IdeaStatus",
  description: "OPEN (only coordinators see it), then ACCEPTED into the catalogue, ANSWERED or CLOSED, each with a public answer.",
});
const IdeaSourceEnum = builder.enumType(IdeaSource, {
  name: "IdeaSource",
  description: "Who raised it, as a coded fact: the centre's staff, its volunteers, or anyone through its public page. Never a person.",
});
const IDEA_DECISIONS = ["ACCEPT_INTO_CATALOGUE", "ANSWER", "CLOSE"] as const;
const IdeaDecisionEnum = builder.enumType("IdeaDecision", {
  values: IDEA_DECISIONS,
  description: "ACCEPT_INTO_CATALOGUE makes it an initiative with status IDEA; ANSWER and CLOSE only answer it.",
});

/** The most recent answers the public list shows. */
const PUBLIC_LIST_SIZE = 100;
/** Open ideas a coordinator sees at once, oldest first. */
const OPEN_LIST_SIZE = 200;

const IdeaRef = builder.prismaObject("Idea", {
  description: "An idea or a barrier raised at a centre. Nothing about who raised it is stored; only the day.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: IdeaKindEnum, resolve: (idea) => idea.kind }),
    source: t.field({ type: IdeaSourceEnum, resolve: (idea) => idea.source }),
    text: t.exposeString("text"),
    raisedOn: t.field({ type: "Date", description: "The day it was raised (never the time).", resolve: (idea) => idea.raisedOn.toISOString().slice(0, 10) }),
    status: t.field({ type: IdeaStatusEnum, resolve: (idea) => idea.status }),
    answer: t.exposeString("answer", { nullable: true, description: "The coordinator's answer, public." }),
    answeredAt: t.expose("answeredAt", { type: "DateTime", nullable: true }),
    centre: t.relation("centre", { type: CentreRef }),
    initiative: t.relation("initiative", { type: InitiativeRef, nullable: true, description: "The initiative it was accepted into." }),
  }),
});

builder.prismaObjectFields(InitiativeRef, (t) => ({
  idea: t.relation("idea", { type: IdeaRef, nullable: true, description: "The idea this initiative was accepted from, if any." }),
}));

builder.queryField("ideas", (t) =>
  t.prismaField({
    type: [IdeaRef],
    description: `Qualified ideas and barriers with their answers, public: the ${PUBLIC_LIST_SIZE} most recently answered, optionally at one centre. Open ones are never listed here.`,
    args: { centreId: t.arg.id({ required: false }) },
    authScopes: { public: true },
    resolve: (query, _root, args, context) =>
      context.prisma.idea.findMany({
        ...query,
        where: { status: { not: "OPEN" }, ...(args.centreId ? { centreId: String(args.centreId) } : {}) },
        orderBy: [{ answeredAt: "desc" }, { id: "asc" }],
        take: PUBLIC_LIST_SIZE,
      }),
  }),
);

builder.queryField("openIdeas", (t) =>
  t.prismaField({
    type: [IdeaRef],
    description: `Ideas and barriers waiting to be qualified, oldest first (at most ${OPEN_LIST_SIZE}). Coordinators.`,
    authScopes: { coordinator: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.idea.findMany({ ...query, where: { status: "OPEN" }, orderBy: [{ raisedOn: "asc" }, { id: "asc" }], take: OPEN_LIST_SIZE }),
  }),
);

const RaiseIdeaInput = builder.inputType("RaiseIdeaInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    kind: t.field({ type: IdeaKindEnum, required: true }),
    text: t.string({ required: true, description: "1–2000 characters. No names, no personal data, no CPR numbers." }),
  }),
});

const raiseIdeaSchema = z.object({
  centreId: z.string().min(1),
  kind: z.enum(IdeaKind),
  text: z.string().trim().min(1).max(2000),
});

builder.mutationField("raiseIdea", (t) =>
  t.boolean({
    description:
      "Raises an idea or a barrier at a centre. Anyone may, without signing in; the centre's staff and volunteers are recorded as such, never by name. " +
      "Stored without user, session, address or time of day. Through the public page it is limited per address and in total (RATE_LIMITED).",
    args: { input: t.arg({ type: RaiseIdeaInput, required: true, validate: { schema: raiseIdeaSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, RateLimitedError],
      result: { name: "RaiseIdeaSuccess" },
      union: { name: "RaiseIdeaResult" },
      dataField: { name: "isRecorded" },
    },
    authScopes: { public: true },
    resolve: async (_root, { input }, context) => {
      const parsed = parsedBy(raiseIdeaSchema, input);
      const centre = await findIdeaCentreOrThrow(context.prisma, parsed.centreId);
      const source = ideaSourceFor(context.viewer, centre.unitId);
      if (source === "PUBLIC_PAGE") {
        // The address is counted in the limiter only (memory or Redis, expiring); never in the row.
        await context.rateLimits.raiseIdeaAddress.consume(context.request.ip);
        await context.rateLimits.raiseIdeaGlobal.consume("all");
      }
      await raiseIdea(context.prisma, context.clock, { ...parsed, centreId: centre.id, source });
      return true;
    },
  }),
);

const AcceptedInitiativeInput = builder.inputType("IdeaInitiativeInput", {
  description: "The initiative an accepted idea becomes (status IDEA, at the idea's centre); measures are added later with saveInitiative.",
  fields: (t) => ({
    title: t.string({ required: true, description: "1–200 characters." }),
    description: t.string({ required: true, description: "1–2000 characters. No personal data." }),
    kind: t.field({ type: InitiativeKindEnum, required: true }),
    ownerOrganisationId: t.id({ required: true }),
    quickEffect: t.int({ required: true, description: "1–3." }),
    maturity: t.int({ required: true, description: "1–3." }),
    resourceDraw: t.int({ required: true, description: "1–3." }),
  }),
});

const QualifyIdeaInput = builder.inputType("QualifyIdeaInput", {
  fields: (t) => ({
    ideaId: t.id({ required: true }),
    decision: t.field({ type: IdeaDecisionEnum, required: true }),
    answer: t.string({ required: true, description: "1–2000 characters, public. No personal data." }),
    initiative: t.field({ type: AcceptedInitiativeInput, required: false, description: "Required for ACCEPT_INTO_CATALOGUE, refused otherwise." }),
  }),
});

const weight = z.number().int().min(1).max(3);
const qualifyIdeaSchema = z.object({
  ideaId: z.string().min(1),
  decision: z.enum(IDEA_DECISIONS),
  answer: z.string().trim().min(1).max(2000),
  initiative: z
    .object({
      title: z.string().trim().min(1).max(200),
      description: z.string().trim().min(1).max(2000),
      kind: z.enum(InitiativeKind),
      ownerOrganisationId: z.string().min(1),
      quickEffect: weight,
      maturity: weight,
      resourceDraw: weight,
    })
    .nullish(),
});

builder.mutationField("qualifyIdea", (t) =>
  t.field({
    type: IdeaRef,
    description:
      "Qualifies an open idea or barrier: accepts it into the initiative catalogue (a new initiative with status IDEA), answers it, or closes it. " +
      "The answer is public. Coordinators.",
    args: { input: t.arg({ type: QualifyIdeaInput, required: true, validate: { schema: qualifyIdeaSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError], result: { name: "QualifyIdeaSuccess" }, union: { name: "QualifyIdeaResult" }, dataField: { name: "idea" } },
    authScopes: { coordinator: true },
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(qualifyIdeaSchema, input);
      const isAccepting = parsed.decision === "ACCEPT_INTO_CATALOGUE";
      if (isAccepting !== Boolean(parsed.initiative)) {
        throw ValidationError.single("initiative", {
          da: isAccepting ? "Beskriv initiativet, som idéen bliver til." : "Et initiativ hører kun med, når idéen optages i kataloget.",
          en: isAccepting ? "Describe the initiative the idea becomes." : "An initiative belongs only with accepting the idea into the catalogue.",
        });
      }
      return qualifyIdea(context.prisma, context.clock, parsed);
    },
  }),
);

builder.mutationField("deleteIdea", (t) =>
  t.boolean({
    description: "Deletes an idea or barrier for good, e.g. spam or text about a person. Coordinators.",
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], result: { name: "DeleteIdeaSuccess" }, union: { name: "DeleteIdeaResult" }, dataField: { name: "isDeleted" } },
    authScopes: { coordinator: true },
    resolve: async (_root, args, context) => {
      await deleteIdea(context.prisma, String(args.id));
      return true;
    },
  }),
);

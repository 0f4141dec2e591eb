// Demo data for steering: core tasks, the common survey's 2024 baseline and 2026 follow-up
// rounds (Lyset's own surveys are its part of them; three more centres answer too), visitor
// tallies placed on their opening periods for demand by hour, and an initiative with an effect
// template. Stable ids, so reseeding leaves existing rows as they are.
import { createHash } from "node:crypto";
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import { DEFAULT_COMMON_QUESTIONS } from "../server/modules/steering/area-survey.ts";
import { dateColumn } from "../server/modules/insights/figures.ts";
import { DEMO_IDEAS, seedId } from "./seed-fixtures.ts";
import { localDateOf } from "../server/shared/copenhagen-time.ts";

function unitRandom(key: string): number {
  return Number.parseInt(createHash("sha1").update(`traedesten-steering:${key}`).digest("hex").slice(0, 8), 16) / 0x1_0000_0000;
}

function likertAround(mean: number, key: string): number {
  const spread = (unitRandom(key) + unitRandom(`${key}:b`) - 1) * 2.2;
  return Math.min(5, Math.max(1, Math.round(mean + spread)));
}

const CORE_TASKS: Record<string, { coreTask: string; principles: ("FREE_SPACE_AND_DEVELOPMENT" | "MEANINGFUL_COMMUNITIES" | "SUSTAINABLE_APPROACH" | "PART_OF_THE_WHOLE")[] }> = {
  lyset: {
    coreTask: "Et trygt fristed uden krav, hvor voksne med psykisk sårbarhed kan være, spise sammen og få hjælp videre, når de selv vil.",
    principles: ["FREE_SPACE_AND_DEVELOPMENT", "MEANINGFUL_COMMUNITIES", "PART_OF_THE_WHOLE"],
  },
  nattekaffe: { coreTask: "Et varmt og åbent sted om aftenen og natten, når resten af byen er lukket.", principles: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"] },
  kompasset: { coreTask: "Fællesskab og skridt mod uddannelse og job for unge voksne.", principles: ["MEANINGFUL_COMMUNITIES", "SUSTAINABLE_APPROACH"] },
};

const ROUNDS = [
  { key: "2024", round: "BASELINE" as const, year: 2024, title: "Brugerundersøgelse 2024 (førmåling)", opensAt: new Date("2024-03-01T08:00:00.000Z"), closesAt: new Date("2024-04-30T21:59:00.000Z") },
  { key: "2026", round: "FOLLOW_UP" as const, year: 2026, title: "Brugerundersøgelse 2026 (opfølgning)", opensAt: new Date("2026-11-11T08:00:00.000Z"), closesAt: new Date("2027-01-31T21:59:00.000Z") },
];

/** Other centres in the rounds: how many answered and around which mean. */
const OTHER_CENTRES = [
  { key: "nattekaffe", answers: { "2024": [18, 3.1], "2026": [14, 3.6] } },
  { key: "kompasset", answers: { "2024": [11, 3.3], "2026": [9, 3.5] } },
  { key: "havnen", answers: { "2024": [3, 3.0], "2026": [4, 4.0] } },
] as const;

export async function seedSteeringDemoData(prisma: Prisma, clock: Clock): Promise<void> {
  for (const [key, task] of Object.entries(CORE_TASKS)) {
    await prisma.centre.updateMany({ where: { id: seedId(`centre:${key}`), coreTask: null }, data: { coreTask: task.coreTask, guidingPrinciples: task.principles } });
  }

  for (const round of ROUNDS) {
    const roundId = seedId(`area-round:${round.key}`);
    await prisma.areaSurveyRound.upsert({
      where: { id: roundId },
      create: {
        id: roundId,
        title: round.title,
        round: round.round,
        year: round.year,
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        questions: { create: DEFAULT_COMMON_QUESTIONS.map((question, index) => ({ id: seedId(`area-question:${round.key}:${index + 1}`), position: index + 1, ...question })) },
      },
      update: {},
    });
    // Lyset's own survey of the year asks the common questions first: it is Lyset's part of the round.
    await prisma.survey.updateMany({ where: { id: seedId(`survey:lyset:${round.key}`), areaRoundId: null }, data: { areaRoundId: roundId } });
    for (const centre of OTHER_CENTRES) {
      const surveyId = seedId(`area-survey:${round.key}:${centre.key}`);
      const [count, mean] = centre.answers[round.key as "2024" | "2026"];
      await prisma.survey.upsert({
        where: { id: surveyId },
        create: {
          id: surveyId,
          centreId: seedId(`centre:${centre.key}`),
          areaRoundId: roundId,
          title: round.title,
          round: round.round,
          year: round.year,
          opensAt: round.opensAt,
          closesAt: round.closesAt,
          publicToken: createHash("sha256").update(`traedesten-demo-area-survey:${round.key}:${centre.key}`).digest("base64url").slice(0, 22),
          questions: { create: DEFAULT_COMMON_QUESTIONS.map((question, index) => ({ id: seedId(`area-survey-question:${round.key}:${centre.key}:${index + 1}`), position: index + 1, ...question })) },
        },
        update: {},
      });
      const submittedOn = new Date(`${round.opensAt.toISOString().slice(0, 10)}T00:00:00.000Z`);
      const responses = Array.from({ length: count }, (_, index) => ({ id: seedId(`area-response:${round.key}:${centre.key}:${index}`), surveyId, submittedOn }));
      await prisma.surveyResponse.createMany({ data: responses, skipDuplicates: true });
      await prisma.surveyAnswer.createMany({
        data: responses.flatMap((response, index) =>
          DEFAULT_COMMON_QUESTIONS.map((_, questionIndex) => ({
            id: seedId(`area-answer:${round.key}:${centre.key}:${index}:${questionIndex}`),
            responseId: response.id,
            questionId: seedId(`area-survey-question:${round.key}:${centre.key}:${questionIndex + 1}`),
            likert: likertAround(mean, `${round.key}:${centre.key}:${index}:${questionIndex}`),
          })),
        ),
        skipDuplicates: true,
      });
    }
  }

  // Demand by hour: place each demo tally on the centre's first opening period of that weekday.
  const periods = await prisma.openingPeriod.findMany({ select: { id: true, centreId: true, weekday: true, startMinute: true }, orderBy: { startMinute: "asc" } });
  const tallies = await prisma.visitorTally.findMany({ where: { openingPeriodId: null }, select: { id: true, centreId: true, date: true } });
  for (const tally of tallies) {
    const weekday = ((tally.date.getUTCDay() + 6) % 7) + 1;
    const period = periods.find((candidate) => candidate.centreId === tally.centreId && candidate.weekday === weekday);
    if (period) await prisma.visitorTally.update({ where: { id: tally.id }, data: { openingPeriodId: period.id } });
  }

  const initiativeId = seedId("initiative:evening-meals");
  await prisma.initiative.upsert({
    where: { id: initiativeId },
    create: {
      id: initiativeId,
      title: "Aftenåbent med fællesspisning",
      description: "Lyset og Nattecaféen holder åbent med fællesspisning tre aftener om ugen, så der altid er et sted at gå hen om aftenen.",
      kind: "CITIZEN_FACING",
      status: "RUNNING",
      ownerOrganisationId: seedId("org:fjordby"),
      centres: { connect: [{ id: seedId("centre:lyset") }, { id: seedId("centre:nattekaffe") }] },
      quickEffect: 3,
      maturity: 2,
      resourceDraw: 2,
      measures: {
        create: [
          { id: seedId("measure:evening-meals:1"), position: 1, kind: "FIGURE", figureKey: "visitors", baselineValue: 400, targetValue: 900 },
          { id: seedId("measure:evening-meals:2"), position: 2, kind: "SURVEY_QUESTION", surveyPosition: 5, baselineValue: 3.2, targetValue: 4 },
        ],
      },
    },
    update: {},
  });
  const bridgeId = seedId("initiative:job-bridge");
  await prisma.initiative.upsert({
    where: { id: bridgeId },
    create: {
      id: bridgeId,
      title: "Jobkonsulent på værestedet",
      description: "Jobcentret holder træffetid på værestederne, så hjælpen kommer derhen, hvor borgerne allerede er.",
      kind: "COLLABORATION",
      status: "PLANNED",
      ownerOrganisationId: seedId("org:jobcenter"),
      quickEffect: 2,
      maturity: 1,
      resourceDraw: 2,
      measures: { create: [{ id: seedId("measure:job-bridge:1"), position: 1, kind: "FIGURE", figureKey: "visitingServiceHours", baselineValue: 20, targetValue: 60 }] },
    },
    update: {},
  });
  await seedIdeas(prisma, clock);
}

/** Ideas and barriers: one accepted into the catalogue, one answered, one open for the coordinator. */
async function seedIdeas(prisma: Prisma, clock: Clock): Promise<void> {
  const daysBack = (days: number) => new Date(clock.now().getTime() - days * 86_400_000);
  for (const idea of DEMO_IDEAS) {
    const ideaId = seedId(`idea:${idea.key}`);
    if (await prisma.idea.findUnique({ where: { id: ideaId }, select: { id: true } })) continue;
    const decision = idea.decision;
    const initiative = decision?.initiative;
    if (initiative) {
      const { owner, ...values } = initiative;
      await prisma.initiative.upsert({
        where: { id: seedId(`initiative:idea:${idea.key}`) },
        create: { id: seedId(`initiative:idea:${idea.key}`), ...values, status: "IDEA", ownerOrganisationId: seedId(`org:${owner}`), centres: { connect: [{ id: seedId(`centre:${idea.centre}`) }] } },
        update: {},
      });
    }
    await prisma.idea.create({
      data: {
        id: ideaId,
        centreId: seedId(`centre:${idea.centre}`),
        kind: idea.kind,
        source: idea.source,
        text: idea.text,
        raisedOn: dateColumn(localDateOf(daysBack(idea.daysAgo))),
        status: decision?.status ?? "OPEN",
        answer: decision?.answer ?? null,
        answeredAt: decision ? daysBack(decision.daysAgo) : null,
        initiativeId: initiative ? seedId(`initiative:idea:${idea.key}`) : null,
      },
    });
  }
}

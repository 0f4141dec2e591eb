// Demo data for insights: eight weeks of anonymous visitor tallies and activities held at every
// demo centre, and Værestedet Lyset's user-experience survey (2024 baseline, 2026 follow-up open
// now). Deterministic: counts come from a hash of stable keys, rows have stable ids, and
// createMany skips rows that exist, so running it again on the same day changes nothing.
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import type { SurveyQuestionKind } from "../server/generated/prisma/enums.ts";
import { centres, seedId } from "./seed-fixtures.ts";

const TIME_ZONE = "Europe/Copenhagen";
const TALLY_WEEKS = 8;

/** A stable number in [0, 1) for a key. */
function unitRandom(key: string): number {
  return Number.parseInt(createHash("sha1").update(`traedesten-insights:${key}`).digest("hex").slice(0, 8), 16) / 0x1_0000_0000;
}

const dateColumn = (date: DateTime) => new Date(`${date.toISODate()}T00:00:00.000Z`);

const ACTIVITY_TITLES = ["Fællesspisning", "Gåtur ved fjorden", "Kreativt værksted", "Brætspil og kaffe", "Fællessang", "Madlavning"];

const SURVEY_QUESTIONS: { kind: SurveyQuestionKind; textDa: string; textEn: string }[] = [
  { kind: "LIKERT", textDa: "Jeg føler mig velkommen, når jeg kommer her.", textEn: "I feel welcome when I come here." },
  { kind: "LIKERT", textDa: "Her kan jeg være mig selv, uden at der stilles krav.", textEn: "Here I can be myself, without demands." },
  { kind: "LIKERT", textDa: "Jeg har fået nye fællesskaber gennem stedet.", textEn: "I have found new communities through the place." },
  { kind: "LIKERT", textDa: "Personale og frivillige hjælper mig videre, når jeg har brug for det.", textEn: "Staff and volunteers help me onwards when I need it." },
  { kind: "LIKERT", textDa: "Åbningstiderne passer til mit liv.", textEn: "The opening hours suit my life." },
  { kind: "FREE_TEXT", textDa: "Er der noget, vi kunne gøre bedre?", textEn: "Is there anything we could do better?" },
];

const FREE_TEXTS = [
  "Længere åbent om aftenen, tak.",
  "Flere ture ud af huset.",
  "Det er rart, at man bare kan komme.",
  "Mere plads i det stille rum.",
  "Gerne morgenmad i weekenden.",
  "Hjælp til digital post ville være godt.",
];

/** A Likert answer around a target mean (1–5). */
function likertAround(mean: number, key: string): number {
  const spread = (unitRandom(key) + unitRandom(`${key}:b`) - 1) * 2.2;
  return Math.min(5, Math.max(1, Math.round(mean + spread)));
}

async function seedTalliesAndActivities(prisma: Prisma, clock: Clock): Promise<void> {
  const today = DateTime.fromJSDate(clock.now(), { zone: TIME_ZONE }).startOf("day");
  const recordedById = seedId("user:centre-staff");
  for (const centre of centres) {
    const centreId = seedId(`centre:${centre.key}`);
    const openWeekdays = new Set(centre.periods.flatMap((period) => period.days));
    const typical = 8 + Math.round(unitRandom(`typical:${centre.key}`) * 22);
    const tallies = [];
    const activities = [];
    for (let daysBack = 1; daysBack <= TALLY_WEEKS * 7; daysBack += 1) {
      const date = today.minus({ days: daysBack });
      if (!openWeekdays.has(date.weekday)) continue;
      const key = `${centre.key}:${date.toISODate()}`;
      // Mostly 5–40 visitors around the centre's usual number; now and then a quiet day of 1–4.
      const isQuietDay = unitRandom(`quiet:${key}`) < 0.07;
      const count = isQuietDay
        ? 1 + Math.floor(unitRandom(`count:${key}`) * 4)
        : Math.min(40, Math.max(5, Math.round(typical * (0.7 + unitRandom(`count:${key}`) * 0.6))));
      const [firstGroup, secondGroup] = centre.targetGroups;
      const hasSplit = !isQuietDay && firstGroup !== undefined && unitRandom(`split:${key}`) < 0.5;
      tallies.push({
        id: seedId(`tally:${key}`),
        centreId,
        date: dateColumn(date),
        count,
        recordedById,
        ...(hasSplit
          ? {
              byTargetGroup: {
                [firstGroup]: Math.round(count * 0.5),
                ...(secondGroup ? { [secondGroup]: Math.round(count * 0.3) } : {}),
              },
            }
          : {}),
      });
      if (unitRandom(`activity:${key}`) < 0.4) {
        activities.push({
          id: seedId(`activity-held:${key}`),
          centreId,
          title: ACTIVITY_TITLES[Math.floor(unitRandom(`title:${key}`) * ACTIVITY_TITLES.length)] as string,
          date: dateColumn(date),
          participants: Math.max(3, Math.round(count * 0.4)),
          recordedById,
        });
      }
    }
    await prisma.visitorTally.createMany({ data: tallies, skipDuplicates: true });
    await prisma.activityHeld.createMany({ data: activities, skipDuplicates: true });
  }
}

async function seedSurvey(
  prisma: Prisma,
  survey: { key: string; title: string; round: "BASELINE" | "FOLLOW_UP"; year: number; opensAt: Date; closesAt: Date },
  responses: { count: number; mean: number; submittedOn: (index: number) => Date },
): Promise<void> {
  const surveyId = seedId(`survey:${survey.key}`);
  await prisma.survey.upsert({
    where: { id: surveyId },
    create: {
      id: surveyId,
      centreId: seedId("centre:lyset"),
      title: survey.title,
      round: survey.round,
      year: survey.year,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      // Demo only: a stable token so the printed demo link keeps working after reseeding.
      publicToken: createHash("sha256").update(`traedesten-demo-survey:${survey.key}`).digest("base64url").slice(0, 22),
      questions: {
        create: SURVEY_QUESTIONS.map((question, index) => ({ id: seedId(`survey-question:${survey.key}:${index + 1}`), position: index + 1, ...question })),
      },
    },
    update: {},
  });
  const responseRows = [];
  const answerRows: { id: string; responseId: string; questionId: string; likert?: number; text?: string }[] = [];
  for (let index = 0; index < responses.count; index += 1) {
    const responseId = seedId(`survey-response:${survey.key}:${index}`);
    responseRows.push({ id: responseId, surveyId, submittedOn: responses.submittedOn(index) });
    SURVEY_QUESTIONS.forEach((question, questionIndex) => {
      const key = `${survey.key}:${index}:${questionIndex}`;
      const questionId = seedId(`survey-question:${survey.key}:${questionIndex + 1}`);
      if (question.kind === "LIKERT") {
        answerRows.push({ id: seedId(`survey-answer:${key}`), responseId, questionId, likert: likertAround(responses.mean, key) });
      } else if (unitRandom(`text:${key}`) < 0.4) {
        answerRows.push({ id: seedId(`survey-answer:${key}`), responseId, questionId, text: FREE_TEXTS[Math.floor(unitRandom(`which:${key}`) * FREE_TEXTS.length)] as string });
      }
    });
  }
  await prisma.surveyResponse.createMany({ data: responseRows, skipDuplicates: true });
  await prisma.surveyAnswer.createMany({ data: answerRows, skipDuplicates: true });
}

/** Loads the insights demo data relative to the clock's date. */
export async function seedInsightsDemoData(prisma: Prisma, clock: Clock): Promise<void> {
  await seedTalliesAndActivities(prisma, clock);
  await seedSurvey(
    prisma,
    {
      key: "lyset:2024",
      title: "Brugerundersøgelse 2024",
      round: "BASELINE",
      year: 2024,
      opensAt: new Date("2024-03-01T08:00:00.000Z"),
      closesAt: new Date("2024-04-30T21:59:00.000Z"),
    },
    { count: 30, mean: 3.4, submittedOn: (index) => new Date(Date.UTC(2024, 2, 4 + (index % 25))) },
  );
  const today = DateTime.fromJSDate(clock.now(), { zone: TIME_ZONE }).startOf("day");
  await seedSurvey(
    prisma,
    {
      key: "lyset:2026",
      title: "Brugerundersøgelse 2026",
      round: "FOLLOW_UP",
      year: 2026,
      opensAt: today.minus({ days: 14 }).toJSDate(),
      closesAt: today.plus({ days: 30 }).toJSDate(),
    },
    { count: 12, mean: 3.9, submittedOn: (index) => dateColumn(today.minus({ days: 1 + (index % 13) })) },
  );
}

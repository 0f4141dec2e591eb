// The initiative catalogue: saving with the three weights and an effect template, the current
// value computed from figures and the survey roll-up (suppressed below 5), the public list, and
// who may edit.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let ids: { organisation: string; otherOrganisation: string; centre: string; quiet: string; coordinator: string; orgAdmin: string; otherAdmin: string };

const SAVE = graphql(`mutation SaveInitiative($input: SaveInitiativeInput!) {
  saveInitiative(input: $input) {
    __typename
    ... on SaveInitiativeSuccess { initiative { id status evaluationText } }
    ... on Error { code }
  }
}`);
const LIST = graphql(`query Initiatives {
  initiatives {
    id title status kind quickEffect maturity resourceDraw evaluationText ownerOrganisation { name } centres { name }
    measures { position kind labelDa baselineValue targetValue current { value display isSuppressed } progressPercent }
  }
}`);

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma, { name: "Foreningen Fællesskab", kind: "CIVIL_SOCIETY" });
  const other = await createOrganisation(app.prisma, { name: "Anden Forening", kind: "CIVIL_SOCIETY" });
  const centre = await createCentre(app.prisma, organisation.id, { name: "Fællesskabshuset" });
  const quiet = await createCentre(app.prisma, organisation.id, { name: "Det Stille Sted" });
  const staff = await createUser(app.prisma, { memberships: [{ unitId: centre.unit.id }] });
  ids = {
    organisation: organisation.id,
    otherOrganisation: other.id,
    centre: centre.centre.id,
    quiet: quiet.centre.id,
    coordinator: (await createUser(app.prisma, { globalRole: "COORDINATOR" })).id,
    orgAdmin: (await createUser(app.prisma, { organisationAdminOf: [organisation.id] })).id,
    otherAdmin: (await createUser(app.prisma, { organisationAdminOf: [other.id] })).id,
  };
  const tally = (centreId: string, date: string, count: number) =>
    app.prisma.visitorTally.create({ data: { centreId, date: new Date(`${date}T00:00:00.000Z`), count, recordedById: staff.id } });
  await tally(centre.centre.id, "2026-11-20", 12);
  await tally(centre.centre.id, "2026-10-02", 8);
  await tally(centre.centre.id, "2026-06-01", 50); // more than 90 days back: not counted
  await tally(quiet.centre.id, "2026-11-20", 3);
  // A follow-up round in which the centre's users answered the first common question with 4.
  const round = await app.prisma.areaSurveyRound.create({
    data: {
      title: "Opfølgning 2026",
      round: "FOLLOW_UP",
      year: 2026,
      opensAt: new Date("2026-11-01T08:00:00Z"),
      closesAt: new Date("2026-12-20T08:00:00Z"),
      questions: { create: [{ position: 1, kind: "LIKERT", textDa: "Jeg føler mig velkommen.", textEn: "I feel welcome." }] },
    },
  });
  const survey = await app.prisma.survey.create({
    data: {
      centreId: centre.centre.id,
      areaRoundId: round.id,
      title: round.title,
      round: "FOLLOW_UP",
      year: 2026,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      publicToken: randomBytes(16).toString("base64url"),
      questions: { create: [{ position: 1, kind: "LIKERT", textDa: "Jeg føler mig velkommen.", textEn: "I feel welcome." }] },
    },
    include: { questions: true },
  });
  for (const likert of [4, 4, 5, 3, 4, 4]) {
    await app.prisma.surveyResponse.create({
      data: { surveyId: survey.id, submittedOn: new Date("2026-11-20T00:00:00Z"), answers: { create: [{ questionId: survey.questions[0]!.id, likert }] } },
    });
  }
});
afterAll(async () => {
  await app.close();
});

const baseInput = (): VariablesOf<typeof SAVE>["input"] => ({
  title: "Fællesspisning tre aftener om ugen",
  description: "Aftenåbent med fællesspisning, så flere har et sted at gå hen om aftenen.",
  kind: "CITIZEN_FACING",
  status: "RUNNING",
  ownerOrganisationId: ids.organisation,
  centreIds: [ids.centre],
  quickEffect: 3,
  maturity: 2,
  resourceDraw: 1,
  measures: [
    { kind: "FIGURE", figureKey: "visitors", baselineValue: 10, targetValue: 30 },
    { kind: "SURVEY_QUESTION", surveyPosition: 1, baselineValue: 3, targetValue: 4.5 },
  ],
});

describe("initiative catalogue", () => {
  let initiativeId: string;

  it("lets a coordinator save an initiative whose effect template computes its current value", async () => {
    const saved = (await runOk(await app.as(ids.coordinator), SAVE, { input: baseInput() })).saveInitiative;
    expect(saved.__typename).toBe("SaveInitiativeSuccess");
    if (saved.__typename !== "SaveInitiativeSuccess") return expect.fail(saved.__typename);
    initiativeId = saved.initiative.id;
    const list = (await runOk(app.anonymous, LIST)).initiatives;
    const item = list.find((row) => row.id === initiativeId);
    if (!item) return expect.fail("the initiative is not listed");
    expect(item).toMatchObject({ status: "RUNNING", kind: "CITIZEN_FACING", quickEffect: 3, maturity: 2, resourceDraw: 1, ownerOrganisation: { name: "Foreningen Fællesskab" }, centres: [{ name: "Fællesskabshuset" }] });
    // Visitors in the last 90 days: 12 + 8 = 20 → halfway from 10 to 30.
    expect(item.measures[0]).toMatchObject({ kind: "FIGURE", labelDa: "Besøgende", baselineValue: 10, targetValue: 30, current: { value: 20, display: "20", isSuppressed: false } });
    expect(item.measures[0]?.progressPercent).toBeCloseTo(50);
    // Survey: mean of 4,4,5,3,4,4 = 4.0 → two thirds of the way from 3 to 4.5.
    expect(item.measures[1]?.labelDa).toBe("Brugerundersøgelse: Jeg føler mig velkommen.");
    expect(item.measures[1]?.current.value).toBeCloseTo(4);
    expect(item.measures[1]?.progressPercent).toBeCloseTo(66.67, 1);
  });

  it("shows a suppressed current value and no progress when the figure is under 5", async () => {
    const saved = (
      await runOk(await app.as(ids.orgAdmin), SAVE, {
        input: { ...baseInput(), title: "Stilleværelse", status: "PLANNED", centreIds: [ids.quiet], measures: [{ kind: "FIGURE", figureKey: "visitors", baselineValue: 0, targetValue: 10 }] },
      })
    ).saveInitiative;
    expect(saved.__typename).toBe("SaveInitiativeSuccess");
    if (saved.__typename !== "SaveInitiativeSuccess") return expect.fail(saved.__typename);
    const item = (await runOk(app.anonymous, LIST)).initiatives.find((row) => row.id === saved.initiative.id);
    if (!item) return expect.fail("the initiative is not listed");
    expect(item.measures[0]?.current).toEqual({ value: null, display: "<5", isSuppressed: true });
    expect(item.measures[0]?.progressPercent).toBeNull();
  });

  it("lets the owner organisation's admin evaluate it, and refuses other organisations and CPR numbers", async () => {
    const admin = await app.as(ids.orgAdmin);
    const evaluated = (await runOk(admin, SAVE, { input: { ...baseInput(), id: initiativeId, status: "EVALUATED", evaluationText: "Flere kommer om aftenen; fortsætter." } }))
      .saveInitiative;
    if (evaluated.__typename !== "SaveInitiativeSuccess") return expect.fail(evaluated.__typename);
    expect(evaluated.initiative).toEqual({ id: initiativeId, status: "EVALUATED", evaluationText: "Flere kommer om aftenen; fortsætter." });

    const other = await app.as(ids.otherAdmin);
    await runError(other, SAVE, { input: { ...baseInput(), id: initiativeId, ownerOrganisationId: ids.otherOrganisation } }, "FORBIDDEN");
    await runError(other, SAVE, { input: { ...baseInput(), id: initiativeId } }, "FORBIDDEN");

    await runError(admin, SAVE, { input: { ...baseInput(), id: initiativeId, evaluationText: "Kontakt 010190-1234" } }, "CPR_NUMBER_REFUSED");
    await runError(admin, SAVE, { input: { ...baseInput(), measures: [{ kind: "FIGURE", figureKey: "nope", targetValue: 1 }] } }, "VALIDATION_FAILED");
    const stored = await app.prisma.initiative.findUniqueOrThrow({ where: { id: initiativeId } });
    expect(stored.ownerOrganisationId).toBe(ids.organisation);
    expect(stored.evaluationText).toBe("Flere kommer om aftenen; fortsætter.");
  });
});

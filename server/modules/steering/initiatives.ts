// The initiative catalogue: initiatives with the action plan's three weights and an effect
// template. An initiative's current value is computed from figures and survey roll-ups, never
// typed in, so its progress reads the same numbers everyone else sees (suppressed below 5).
import type { Clock } from "../../clock.ts";
import type { Prisma } from "../../db/database.ts";
import type { InitiativeKind, InitiativeMeasureKind, InitiativeStatus } from "../../generated/prisma/enums.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { type Figure, FIGURE_DEFINITIONS, FIGURE_KEYS, type FigureKey, findAreaFigures } from "../insights/index.ts";
import { findAreaSurveyRollup } from "./area-survey.ts";
import { localDateOf } from "../../shared/copenhagen-time.ts";

/** The figures behind a measure cover the last 90 days up to today. */
export const CURRENT_VALUE_DAYS = 90;

export interface MeasureInput {
  kind: InitiativeMeasureKind;
  figureKey?: string | null | undefined;
  surveyPosition?: number | null | undefined;
  baselineValue?: number | null | undefined;
  targetValue: number;
}

export interface SaveInitiativeInput {
  id?: string | null | undefined;
  title: string;
  description: string;
  kind: InitiativeKind;
  status: InitiativeStatus;
  ownerOrganisationId: string;
  centreIds: string[];
  quickEffect: number;
  maturity: number;
  resourceDraw: number;
  evaluationText?: string | null | undefined;
  measures: MeasureInput[];
}

export interface Viewer {
  isCoordinator: boolean;
  organisationAdminOf: readonly string[];
}

function checkMeasures(measures: readonly MeasureInput[]): void {
  measures.forEach((measure, index) => {
    if (measure.kind === "FIGURE" && !FIGURE_KEYS.includes(measure.figureKey as FigureKey)) {
      throw ValidationError.single(`measures.${index}.figureKey`, { da: "Vælg et af de definerede tal.", en: "Choose one of the defined figures." });
    }
    if (measure.kind === "SURVEY_QUESTION" && !(measure.surveyPosition && measure.surveyPosition >= 1 && measure.surveyPosition <= 12)) {
      throw ValidationError.single(`measures.${index}.surveyPosition`, { da: "Angiv nummeret på et fælles spørgsmål.", en: "Give the number of a common question." });
    }
  });
}

/**
 * Creates or updates an initiative. Coordinators may edit any; an organisation's admins only
 * the initiatives their organisation owns, and they cannot hand one to another organisation.
 */
export async function saveInitiative(prisma: Prisma, viewer: Viewer, input: SaveInitiativeInput) {
  checkMeasures(input.measures);
  const mayOwn = (organisationId: string) => viewer.isCoordinator || viewer.organisationAdminOf.includes(organisationId);
  if (!mayOwn(input.ownerOrganisationId)) throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    if (!(await tx.organisation.findUnique({ where: { id: input.ownerOrganisationId }, select: { id: true } }))) {
      throw new NotFoundError({ da: "Organisationen", en: "The organisation" });
    }
    const centreIds = [...new Set(input.centreIds)];
    if ((await tx.centre.count({ where: { id: { in: centreIds } } })) !== centreIds.length) {
      throw ValidationError.single("centreIds", { da: "Et af værestederne findes ikke.", en: "One of the centres does not exist." });
    }
    const values = {
      title: input.title,
      description: input.description,
      kind: input.kind,
      status: input.status,
      ownerOrganisationId: input.ownerOrganisationId,
      quickEffect: input.quickEffect,
      maturity: input.maturity,
      resourceDraw: input.resourceDraw,
      evaluationText: input.evaluationText?.trim() ? input.evaluationText : null,
    };
    const measures = input.measures.map((measure, index) => ({
      position: index + 1,
      kind: measure.kind,
      figureKey: measure.kind === "FIGURE" ? (measure.figureKey ?? null) : null,
      surveyPosition: measure.kind === "SURVEY_QUESTION" ? (measure.surveyPosition ?? null) : null,
      baselineValue: measure.baselineValue ?? null,
      targetValue: measure.targetValue,
    }));
    if (!input.id) {
      return tx.initiative.create({ data: { ...values, centres: { connect: centreIds.map((id) => ({ id })) }, measures: { create: measures } } });
    }
    const existing = await tx.initiative.findUnique({ where: { id: input.id }, select: { ownerOrganisationId: true } });
    if (!existing) throw new NotFoundError({ da: "Initiativet", en: "The initiative" });
    if (!mayOwn(existing.ownerOrganisationId)) throw new ForbiddenError();
    await tx.initiativeMeasure.deleteMany({ where: { initiativeId: input.id } });
    return tx.initiative.update({
      where: { id: input.id },
      data: { ...values, centres: { set: centreIds.map((id) => ({ id })) }, measures: { create: measures } },
    });
  });
}

export interface MeasureProgress {
  position: number;
  kind: InitiativeMeasureKind;
  figureKey: string | null;
  surveyPosition: number | null;
  labelDa: string;
  labelEn: string;
  baselineValue: number | null;
  targetValue: number;
  current: Figure;
  /** Share of the way from baseline to target, 0–100+ ; null when anything is missing or suppressed. */
  progressPercent: number | null;
}

/** Computes each measure's current value: figures over the initiative's centres (all when none), survey means from the latest round. */
export async function measureProgress(
  prisma: Prisma,
  clock: Clock,
  initiative: { centres: { id: string }[]; measures: { position: number; kind: InitiativeMeasureKind; figureKey: string | null; surveyPosition: number | null; baselineValue: number | null; targetValue: number }[] },
): Promise<MeasureProgress[]> {
  if (initiative.measures.length === 0) return [];
  const today = localDateOf(clock.now());
  const from = localDateOf(new Date(clock.now().getTime() - (CURRENT_VALUE_DAYS - 1) * 86_400_000));
  const needsFigures = initiative.measures.some((measure) => measure.kind === "FIGURE");
  const area = needsFigures ? await findAreaFigures(prisma, { from, to: today }, initiative.centres.length > 0 ? initiative.centres.map((centre) => centre.id) : null) : null;
  const needsSurvey = initiative.measures.some((measure) => measure.kind === "SURVEY_QUESTION");
  const latestRound = needsSurvey ? await prisma.areaSurveyRound.findFirst({ orderBy: [{ year: "desc" }, { opensAt: "desc" }], select: { id: true } }) : null;
  const rollup = latestRound ? await findAreaSurveyRollup(prisma, latestRound.id) : null;
  const notAvailable = (key: string): Figure => ({ key, unit: "COUNT", value: null, display: "–", isSuppressed: false });
  return [...initiative.measures]
    .sort((a, b) => a.position - b.position)
    .map((measure) => {
      let current: Figure;
      let labelDa: string;
      let labelEn: string;
      if (measure.kind === "FIGURE") {
        const definition = FIGURE_DEFINITIONS.find((candidate) => candidate.key === measure.figureKey);
        labelDa = definition?.nameDa ?? String(measure.figureKey);
        labelEn = definition?.nameEn ?? String(measure.figureKey);
        // One centre: its own row (a total of one suppressed row would read 0, not "<5").
        const figures = area && (area.centres.length === 1 ? area.centres[0]!.figures : area.totals);
        current = figures && definition ? figures[definition.key] : notAvailable(String(measure.figureKey));
      } else {
        const question = rollup?.questions.find((candidate) => candidate.position === measure.surveyPosition);
        labelDa = question ? `Brugerundersøgelse: ${question.textDa}` : `Brugerundersøgelse, spørgsmål ${measure.surveyPosition}`;
        labelEn = question ? `User survey: ${question.textEn}` : `User survey, question ${measure.surveyPosition}`;
        current = question ? question.area.mean : notAvailable("mean");
      }
      const progressPercent =
        current.value !== null && measure.baselineValue !== null && measure.targetValue !== measure.baselineValue
          ? ((current.value - measure.baselineValue) / (measure.targetValue - measure.baselineValue)) * 100
          : null;
      return { position: measure.position, kind: measure.kind, figureKey: measure.figureKey, surveyPosition: measure.surveyPosition, labelDa, labelEn, baselineValue: measure.baselineValue, targetValue: measure.targetValue, current, progressPercent };
    });
}

/** What the initiative form offers: owners the viewer may choose, every centre, and the common survey questions of the latest round. */
export async function findInitiativeEditorOptions(prisma: Prisma, viewer: Viewer) {
  const [organisations, centres, latestRound] = await Promise.all([
    prisma.organisation.findMany({
      where: viewer.isCoordinator ? {} : { id: { in: [...viewer.organisationAdminOf] } },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
    prisma.centre.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.areaSurveyRound.findFirst({
      orderBy: [{ year: "desc" }, { opensAt: "desc" }],
      select: { questions: { select: { position: true, textDa: true, textEn: true }, orderBy: { position: "asc" } } },
    }),
  ]);
  return { organisations, centres, commonQuestions: latestRound?.questions ?? [] };
}

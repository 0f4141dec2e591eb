// Import of an earlier measurement (the strategy's 2024 baseline) from CSV into an area round.
// One row is one anonymous respondent: the centre, then a 1–5 value (or nothing) per common
// question. A dry run reports every refused row by line number and reason, and writes nothing.
import type { Prisma } from "../../db/database.ts";
import { findCprLikeNumber } from "../../shared/cpr-guard.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { dateColumn } from "../insights/index.ts";
import { ensureCentreSurvey } from "./area-survey.ts";
import { localDateOf } from "../../shared/copenhagen-time.ts";

export interface RefusedRow {
  line: number;
  reasonDa: string;
  reasonEn: string;
}

export interface BaselineImportResult {
  isDryRun: boolean;
  acceptedRowCount: number;
  refusedRows: RefusedRow[];
  /** Responses written (0 on a dry run). */
  importedResponseCount: number;
}

const CENTRE_HEADERS = new Set(["værested", "vaerested", "centre", "center"]);

const REASONS = {
  columns: { da: "Forkert antal kolonner.", en: "Wrong number of columns." },
  centre: { da: "Værestedet findes ikke.", en: "The centre does not exist." },
  value: { da: "Et svar skal være et helt tal fra 1 til 5 eller tomt.", en: "An answer must be a whole number from 1 to 5, or empty." },
  empty: { da: "Rækken har ingen svar.", en: "The row has no answers." },
  cpr: { da: "Rækken indeholder noget, der ligner et CPR-nummer.", en: "The row holds something that looks like a CPR number." },
  answered: {
    da: "Værestedet har allerede svar i denne runde; de importeres ikke igen.",
    en: "The centre already has answers in this round; they are not imported again.",
  },
};

function splitLine(line: string): string[] {
  const separator = line.includes(";") ? ";" : ",";
  return line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1").trim());
}

/** Checks (and unless dryRun, imports) a baseline CSV into a BASELINE area round. */
export async function importAreaSurveyBaseline(prisma: Prisma, input: { roundId: string; csv: string; dryRun: boolean }): Promise<BaselineImportResult> {
  const round = await prisma.areaSurveyRound.findUnique({ where: { id: input.roundId }, include: { questions: { orderBy: { position: "asc" } } } });
  if (!round) throw new NotFoundError({ da: "Undersøgelsesrunden", en: "The survey round" });
  if (round.round !== "BASELINE") {
    throw ValidationError.single("roundId", { da: "Der kan kun importeres til en førmåling.", en: "Only a baseline round can be imported into." });
  }
  const lines = input.csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitLine(lines[0] ?? "");
  const positions = header.slice(1).map((cell) => Number(cell));
  const likertPositions = new Set(round.questions.filter((question) => question.kind === "LIKERT").map((question) => question.position));
  if (!CENTRE_HEADERS.has((header[0] ?? "").toLowerCase()) || positions.length === 0 || positions.some((position) => !likertPositions.has(position))) {
    throw ValidationError.single("csv", {
      da: "Første linje skal være \"værested\" efterfulgt af numrene på rundens fælles skala-spørgsmål, fx værested;1;2;3.",
      en: "The first line must be \"værested\" followed by the numbers of the round's common scale questions, e.g. værested;1;2;3.",
    });
  }
  const centres = await prisma.centre.findMany({ select: { id: true, name: true, slug: true } });
  const centreByKey = new Map<string, string>();
  for (const centre of centres) {
    centreByKey.set(centre.name.toLowerCase(), centre.id);
    if (centre.slug) centreByKey.set(centre.slug.toLowerCase(), centre.id);
  }
  const answered = new Set(
    (await prisma.survey.findMany({ where: { areaRoundId: round.id, responses: { some: {} } }, select: { centreId: true } })).map((survey) => survey.centreId),
  );

  const refusedRows: RefusedRow[] = [];
  const accepted: { centreId: string; answers: { position: number; likert: number }[] }[] = [];
  const refuse = (line: number, reason: { da: string; en: string }) => refusedRows.push({ line, reasonDa: reason.da, reasonEn: reason.en });
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (text.trim() === "") return;
    if (findCprLikeNumber(text)) return refuse(line, REASONS.cpr);
    const cells = splitLine(text);
    if (cells.length !== header.length) return refuse(line, REASONS.columns);
    const centreId = centreByKey.get((cells[0] ?? "").toLowerCase());
    if (!centreId) return refuse(line, REASONS.centre);
    if (answered.has(centreId)) return refuse(line, REASONS.answered);
    const answers: { position: number; likert: number }[] = [];
    for (const [cellIndex, cell] of cells.slice(1).entries()) {
      if (cell === "") continue;
      if (!/^[1-5]$/.test(cell)) return refuse(line, REASONS.value);
      answers.push({ position: positions[cellIndex] as number, likert: Number(cell) });
    }
    if (answers.length === 0) return refuse(line, REASONS.empty);
    accepted.push({ centreId, answers });
  });

  if (input.dryRun || accepted.length === 0) {
    return { isDryRun: input.dryRun, acceptedRowCount: accepted.length, refusedRows, importedResponseCount: 0 };
  }
  const submittedOn = dateColumn(localDateOf(round.opensAt));
  await prisma.$transaction(async (tx) => {
    const surveys = new Map<string, { surveyId: string; questionIdAt: Map<number, string> }>();
    for (const centreId of new Set(accepted.map((row) => row.centreId))) {
      const survey = await ensureCentreSurvey(tx, round.id, centreId);
      surveys.set(centreId, { surveyId: survey.id, questionIdAt: new Map(survey.questions.map((question) => [question.position, question.id])) });
    }
    for (const row of accepted) {
      const survey = surveys.get(row.centreId)!;
      await tx.surveyResponse.create({
        data: {
          surveyId: survey.surveyId,
          submittedOn,
          answers: { create: row.answers.map((answer) => ({ questionId: survey.questionIdAt.get(answer.position)!, likert: answer.likert })) },
        },
      });
    }
  });
  return { isDryRun: false, acceptedRowCount: accepted.length, refusedRows, importedResponseCount: accepted.length };
}

// The written definition of every centre figure. The same definition holds for every centre,
// so figures compare across centres. Order here is the order of dashboards and CSV columns.
import type { FigureUnit } from "./suppression.ts";

export const FIGURE_KEYS = [
  "visitors",
  "tallyDays",
  "activitiesHeld",
  "handoversSent",
  "handoversReceived",
  "loopClosureRate",
  "medianHoursToFirstResponse",
  "expiryRate",
  "visitingServiceHours",
  "confirmedVisits",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface FigureDefinition {
  key: FigureKey;
  unit: FigureUnit;
  nameDa: string;
  nameEn: string;
  definitionDa: string;
  definitionEn: string;
}

const SUPPRESSION_NOTE_DA = "Tal fra 1 til 4 vises som \"<5\"; 0 vises som 0.";
const SUPPRESSION_NOTE_EN = "Counts from 1 to 4 show as \"<5\"; 0 shows as 0.";
const BASE_NOTE_DA = "Undertrykkes (\"<5\"), når grundlaget er 1–4; vises som \"–\", når grundlaget er 0.";
const BASE_NOTE_EN = "Suppressed (\"<5\") when its base is 1–4; shows as \"–\" when the base is 0.";
const TERMINAL_DA = "afsluttet (gennemført, afvist, annulleret, udløbet eller trukket tilbage)";
const TERMINAL_EN = "closed (completed, declined, cancelled, expired or withdrawn)";

export const FIGURE_DEFINITIONS: readonly FigureDefinition[] = [
  {
    key: "visitors",
    unit: "COUNT",
    nameDa: "Besøgende",
    nameEn: "Visitors",
    definitionDa: `Summen af de anonyme optællinger af besøgende, som værestedet har registreret for datoer i perioden. Én person, der kommer tre dage, tæller tre gange. ${SUPPRESSION_NOTE_DA}`,
    definitionEn: `The sum of the anonymous visitor tallies the centre recorded for dates in the period. One person who comes on three days counts three times. ${SUPPRESSION_NOTE_EN}`,
  },
  {
    key: "tallyDays",
    unit: "COUNT",
    nameDa: "Dage med optælling",
    nameEn: "Days with a tally",
    definitionDa: `Antal forskellige datoer i perioden med mindst én optælling af besøgende. ${SUPPRESSION_NOTE_DA}`,
    definitionEn: `The number of distinct dates in the period with at least one visitor tally. ${SUPPRESSION_NOTE_EN}`,
  },
  {
    key: "activitiesHeld",
    unit: "COUNT",
    nameDa: "Afholdte aktiviteter",
    nameEn: "Activities held",
    definitionDa: `Antal aktiviteter, som værestedet har registreret som afholdt på datoer i perioden. ${SUPPRESSION_NOTE_DA}`,
    definitionEn: `The number of activities the centre recorded as held on dates in the period. ${SUPPRESSION_NOTE_EN}`,
  },
  {
    key: "handoversSent",
    unit: "COUNT",
    nameDa: "Sendte overleveringer",
    nameEn: "Handovers sent",
    definitionDa: `Antal overleveringer fra værestedet, der blev sendt i perioden (afsendelsestidspunkt i perioden, dansk tid), opdelt efter modtagerens type af tilbud og efter udfald. ${SUPPRESSION_NOTE_DA}`,
    definitionEn: `The number of handovers from the centre that were sent in the period (sent time within the period, Danish time), broken down by the receiver's kind of service and by outcome. ${SUPPRESSION_NOTE_EN}`,
  },
  {
    key: "handoversReceived",
    unit: "COUNT",
    nameDa: "Modtagne overleveringer",
    nameEn: "Handovers received",
    definitionDa: `Antal overleveringer til værestedet (fx varme introduktioner fra en sagsbehandler), der blev sendt i perioden, opdelt efter afsenderens type og efter udfald. ${SUPPRESSION_NOTE_DA}`,
    definitionEn: `The number of handovers to the centre (e.g. warm introductions from a caseworker) that were sent in the period, broken down by the sender's kind and by outcome. ${SUPPRESSION_NOTE_EN}`,
  },
  {
    key: "loopClosureRate",
    unit: "PERCENT",
    nameDa: "Lukket sløjfe",
    nameEn: "Loop-closure rate",
    definitionDa: `Af de overleveringer, værestedet sendte i perioden, og som nu er ${TERMINAL_DA}: andelen, der blev gennemført med et udfald. Grundlaget er de afsluttede overleveringer. ${BASE_NOTE_DA}`,
    definitionEn: `Of the handovers the centre sent in the period that are now ${TERMINAL_EN}: the share that was completed with an outcome. The base is the closed handovers. ${BASE_NOTE_EN}`,
  },
  {
    key: "medianHoursToFirstResponse",
    unit: "HOURS",
    nameDa: "Median svartid",
    nameEn: "Median time to first response",
    definitionDa: `For overleveringer, værestedet sendte i perioden, og som modtageren har reageret på (modtaget, accepteret eller afvist): medianen af timer fra afsendelse til modtagerens første reaktion. Grundlaget er antallet af besvarede overleveringer. ${BASE_NOTE_DA}`,
    definitionEn: `For handovers the centre sent in the period that the receiver has responded to (received, accepted or declined): the median hours from sending to the receiver's first response. The base is the number of answered handovers. ${BASE_NOTE_EN}`,
  },
  {
    key: "expiryRate",
    unit: "PERCENT",
    nameDa: "Udløbet uden svar",
    nameEn: "Expiry rate",
    definitionDa: `Af de overleveringer, værestedet sendte i perioden, og som nu er ${TERMINAL_DA}: andelen, der udløb uden svar fra modtageren. ${BASE_NOTE_DA}`,
    definitionEn: `Of the handovers the centre sent in the period that are now ${TERMINAL_EN}: the share that expired without an answer from the receiver. ${BASE_NOTE_EN}`,
  },
  {
    key: "visitingServiceHours",
    unit: "HOURS",
    nameDa: "Timer med udgående tilbud",
    nameEn: "Visiting-service hours hosted",
    definitionDa: `Summen af varigheden i timer af bekræftede besøg fra udgående tilbud på værestedet, der begynder i perioden (også planlagte besøg senere i perioden). Grundlaget er antallet af bekræftede besøg. ${BASE_NOTE_DA}`,
    definitionEn: `The total duration in hours of confirmed visits by visiting services at the centre that start in the period (including planned visits later in the period). The base is the number of confirmed visits. ${BASE_NOTE_EN}`,
  },
  {
    key: "confirmedVisits",
    unit: "COUNT",
    nameDa: "Bekræftede besøg",
    nameEn: "Confirmed visits",
    definitionDa: `Antal bekræftede besøg fra udgående tilbud på værestedet, der begynder i perioden. ${SUPPRESSION_NOTE_DA}`,
    definitionEn: `The number of confirmed visits by visiting services at the centre that start in the period. ${SUPPRESSION_NOTE_EN}`,
  },
];

/** Labels for the breakdowns of handovers by the other side and by outcome. */
export const BREAKDOWN_LABELS: Record<string, { da: string; en: string }> = {
  HOUSING_SUPPORT: { da: "Bostøtte", en: "Housing support" },
  JOB_CLARIFICATION: { da: "Jobafklaring", en: "Job clarification" },
  ADDICTION_TREATMENT: { da: "Misbrugsbehandling", en: "Addiction treatment" },
  PRACTICAL_HELP: { da: "Praktisk hjælp", en: "Practical help" },
  DIGITAL_HELP: { da: "Digital hjælp", en: "Digital help" },
  HEALTH: { da: "Sundhed", en: "Health" },
  CIVIL_SOCIETY_OFFER: { da: "Civilsamfundstilbud", en: "Civil-society offer" },
  OTHER: { da: "Andet tilbud", en: "Other service" },
  CENTRE: { da: "Værested", en: "Centre" },
  CASEWORKER_TEAM: { da: "Sagsbehandlerteam", en: "Caseworker team" },
  CONNECTED: { da: "Gennemført: kom i forløb", en: "Completed: connected" },
  DID_NOT_SHOW: { da: "Gennemført: mødte ikke op", en: "Completed: did not show" },
  CITIZEN_DECLINED: { da: "Gennemført: borgeren sagde nej", en: "Completed: citizen declined" },
  REFERRED_ON: { da: "Gennemført: henvist videre", en: "Completed: referred on" },
  COMPLETED_WITHOUT_OUTCOME: { da: "Gennemført uden udfald", en: "Completed without an outcome" },
  DECLINED: { da: "Afvist", en: "Declined" },
  CANCELLED: { da: "Annulleret", en: "Cancelled" },
  EXPIRED: { da: "Udløbet", en: "Expired" },
  WITHDRAWN: { da: "Samtykke trukket tilbage", en: "Consent withdrawn" },
  OPEN: { da: "Stadig åben", en: "Still open" },
  // Target groups are named by the directory's taxonomy (figures.ts reads their terms).
};

/** The other side of a handover: a service's kind, or the kind of unit when it is not a service. */
export const COUNTERPART_KEYS = [
  "HOUSING_SUPPORT",
  "JOB_CLARIFICATION",
  "ADDICTION_TREATMENT",
  "PRACTICAL_HELP",
  "DIGITAL_HELP",
  "HEALTH",
  "CIVIL_SOCIETY_OFFER",
  "OTHER",
  "CENTRE",
  "CASEWORKER_TEAM",
] as const;

/** Where a handover ended up: a completed outcome, another closed status, or still open. */
export const RESULT_KEYS = [
  "CONNECTED",
  "DID_NOT_SHOW",
  "CITIZEN_DECLINED",
  "REFERRED_ON",
  "COMPLETED_WITHOUT_OUTCOME",
  "DECLINED",
  "CANCELLED",
  "EXPIRED",
  "WITHDRAWN",
  "OPEN",
] as const;

// The handover enums of the schema, as values for forms and as keys into the message catalogue.
import type { introspection_types } from "../../graphql-env.d.ts";

type EnumOf<Name extends keyof introspection_types> = introspection_types[Name] extends { enumValues: infer Values } ? Values : never;

export type HandoverStatus = EnumOf<"HandoverStatus">;
export type HandoverKind = EnumOf<"HandoverKind">;
export type HandoverOutcome = EnumOf<"HandoverOutcome">;
export type HandoverDeclineCode = EnumOf<"HandoverDeclineCode">;
export type HandoverAction = EnumOf<"HandoverAction">;
export type HelpCategory = EnumOf<"HelpCategory">;
export type Urgency = EnumOf<"Urgency">;
export type ContactChannel = EnumOf<"ContactChannel">;
export type ConsentField = EnumOf<"ConsentField">;
export type ConsentMethod = EnumOf<"ConsentMethod">;
export type ServiceKind = EnumOf<"ServiceKind">;
export type IntakeStatus = EnumOf<"IntakeStatus">;
export type TargetGroup = EnumOf<"TargetGroup">;

export const HANDOVER_STATUSES = [
  "DRAFT",
  "SENT",
  "RECEIVED",
  "ACCEPTED",
  "COMPLETED",
  "DECLINED",
  "CANCELLED",
  "EXPIRED",
  "WITHDRAWN",
  "ON_HOLD",
  "OPEN",
] as const satisfies readonly HandoverStatus[];

export const HANDOVER_KINDS = ["BRIDGE", "WARM_INTRODUCTION"] as const satisfies readonly HandoverKind[];

export const HANDOVER_DECLINE_CODES = [
  "FULL_OR_WAITING_LIST",
  "OUTSIDE_TARGET_GROUP",
  "COULD_NOT_REACH_CITIZEN",
  "ANOTHER_SERVICE_FITS_BETTER",
  "OTHER",
] as const satisfies readonly HandoverDeclineCode[];

export const HANDOVER_OUTCOMES = ["CONNECTED", "DID_NOT_SHOW", "CITIZEN_DECLINED", "REFERRED_ON"] as const satisfies readonly HandoverOutcome[];

export const HELP_CATEGORIES = [
  "HOUSING",
  "WORK_EDUCATION",
  "ECONOMY",
  "MENTAL_HEALTH",
  "PHYSICAL_HEALTH",
  "ADDICTION",
  "COMMUNITY",
  "PRACTICAL",
  "DIGITAL",
  "OTHER",
] as const satisfies readonly HelpCategory[];

export const URGENCIES = ["LOW", "NORMAL", "HIGH"] as const satisfies readonly Urgency[];

export const CONTACT_CHANNELS = ["VIA_SENDER", "PHONE", "SMS", "EMAIL", "IN_PERSON"] as const satisfies readonly ContactChannel[];

export const CONSENT_FIELDS = ["FIRST_NAME", "PHONE", "EMAIL", "NOTE"] as const satisfies readonly ConsentField[];

export const CONSENT_METHODS = ["VERBAL", "WRITTEN", "IN_PERSON"] as const satisfies readonly ConsentMethod[];

export const SERVICE_KINDS = [
  "HOUSING_SUPPORT",
  "JOB_CLARIFICATION",
  "ADDICTION_TREATMENT",
  "HEALTH",
  "PRACTICAL_HELP",
  "DIGITAL_HELP",
  "CIVIL_SOCIETY_OFFER",
  "OTHER",
] as const satisfies readonly ServiceKind[];

/** The statuses in which a handover still waits for someone to act. */
export const OPEN_STATUSES = ["DRAFT", "SENT", "RECEIVED", "ACCEPTED", "ON_HOLD", "OPEN"] as const satisfies readonly HandoverStatus[];

/** Badge tone per status: the word carries the meaning, the colour repeats it. */
export function statusTone(status: HandoverStatus): "neutral" | "info" | "success" | "warning" | "danger" {
  switch (status) {
    case "SENT":
    case "RECEIVED":
    case "OPEN":
      return "info";
    case "ACCEPTED":
    case "COMPLETED":
      return "success";
    case "DECLINED":
    case "EXPIRED":
    case "ON_HOLD":
      return "warning";
    case "WITHDRAWN":
    case "CANCELLED":
      return "danger";
    default:
      return "neutral";
  }
}

/** The personal data input field of each consent field. */
export const PERSONAL_DATA_INPUT: Record<ConsentField, "firstName" | "phone" | "email" | "note"> = {
  FIRST_NAME: "firstName",
  PHONE: "phone",
  EMAIL: "email",
  NOTE: "note",
};

// Typed booking conflicts. They name the booking in the way (id, public title, service unit,
// time) so the booker can see what to move, and never any person.
import { DomainError } from "../../shared/errors.ts";

/** What a booker learns about the booking that holds the slot. */
export interface ConflictingVisit {
  id: string;
  title: string;
  serviceUnitName: string;
  startsAt: Date;
  endsAt: Date;
}

export class VisitConflictError extends DomainError {
  readonly conflictingVisit: ConflictingVisit;
  constructor(conflictingVisit: ConflictingVisit) {
    super("VISIT_CONFLICT", {
      da: "Lokalet er allerede booket i det tidsrum. Vælg et andet tidspunkt eller lokale.",
      en: "The space is already booked at that time. Choose another time or space.",
    });
    this.conflictingVisit = conflictingVisit;
  }
}

/** One occurrence of a weekly series that cannot be booked: closed that day, or taken. */
export interface SeriesOccurrenceConflict {
  /** Copenhagen date of the occurrence, yyyy-mm-dd. */
  date: string;
  isClosed: boolean;
  conflictingVisit: ConflictingVisit | null;
}

export class SeriesConflictError extends DomainError {
  readonly conflicts: SeriesOccurrenceConflict[];
  constructor(conflicts: SeriesOccurrenceConflict[]) {
    super("VISIT_CONFLICT", {
      da: `${conflicts.length} af gangene i serien kan ikke bookes. Intet er booket; vælg at booke de ledige gange, eller vælg et andet tidspunkt.`,
      en: `${conflicts.length} of the occurrences in the series cannot be booked. Nothing was booked; choose to book the free occurrences only, or another time.`,
    });
    this.conflicts = conflicts;
  }
}

/**
 * True for a violation of the exclusion constraint "Visit_no_overlap_in_space" (SQLSTATE 23P01).
 * Through Prisma's driver adapters (PGlite and pg alike) it arrives as a
 * PrismaClientKnownRequestError whose `meta.driverAdapterError.cause` carries
 * `originalCode: "23P01"` and a message naming the constraint.
 */
export function isVisitOverlapViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string; originalMessage?: string } } } })
    .meta?.driverAdapterError?.cause;
  if (cause) {
    return (cause.originalCode ?? cause.code) === "23P01" && (cause.originalMessage ?? "").includes("Visit_no_overlap_in_space");
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && message.includes("23P01") && message.includes("Visit_no_overlap_in_space");
}

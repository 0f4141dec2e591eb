// Pure rota logic: which openings a centre's schedule has on which local dates (the directory's
// opening-hours logic decides, so exceptions and holidays count exactly as on the public page),
// how stored shifts must change to match them, and which shifts are key-holder gaps.
import { localIsoDate, type OpeningSchedule, openIntervalsBetween, type Staffing, startOfLocalDay } from "../directory/index.ts";

const DAY_MS = 86_400_000;

/** One opening of the schedule: the n-th (occurrence) opening starting on a local date. */
export interface PlannedOpening {
  date: string;
  occurrence: number;
  startsAt: Date;
  endsAt: Date;
  staffing: Staffing;
}

export interface Places {
  keyHolderPlaces: number;
  volunteerPlaces: number;
  staffPlaces: number;
}

/** What a generated shift needs by default: volunteers run a period with a key holder; staff run the others. */
export function defaultPlaces(staffing: Staffing): Places {
  return staffing === "VOLUNTEERS"
    ? { keyHolderPlaces: 1, volunteerPlaces: 2, staffPlaces: 0 }
    : { keyHolderPlaces: 0, volunteerPlaces: 0, staffPlaces: 1 };
}

/** Every opening starting on a local date in [fromDate, toDate] (yyyy-mm-dd, both inclusive). */
export function plannedOpenings(schedule: OpeningSchedule, fromDate: string, toDate: string): PlannedOpening[] {
  const from = startOfLocalDay(fromDate);
  const to = startOfLocalDay(addDays(toDate, 1));
  const perDate = new Map<string, number>();
  return openIntervalsBetween(schedule, from, to)
    // An overnight opening of the day before spills into the window; it belongs to that day.
    .filter((interval) => interval.start >= from && interval.start < to)
    .map((interval) => {
      const date = localIsoDate(interval.start);
      const occurrence = perDate.get(date) ?? 0;
      perDate.set(date, occurrence + 1);
      return { date, occurrence, startsAt: interval.start, endsAt: interval.end, staffing: interval.staffing };
    });
}

export interface StoredShift {
  id: string;
  date: string;
  occurrence: number | null;
  startsAt: Date;
  endsAt: Date;
  staffing: Staffing;
  status: "PLANNED" | "CANCELLED";
  cancelReason: "CENTRE_CLOSED" | "CANCELLED_BY_CENTRE" | null;
}

export type RotaChange =
  | { kind: "create"; opening: PlannedOpening }
  | { kind: "update"; shiftId: string; startsAt: Date; endsAt: Date; staffing: Staffing; reopen: boolean }
  | { kind: "cancel"; shiftId: string };

/**
 * How the generated shifts in a date range must change to match the schedule. Extra shifts
 * (no occurrence) are left alone; a shift staff cancelled by hand stays cancelled. A split
 * opening has several shifts ("pieces"): they are clipped to the new opening, and the outer
 * pieces stretch to its new start and end.
 */
export function reconcileRota(openings: readonly PlannedOpening[], stored: readonly StoredShift[]): RotaChange[] {
  const changes: RotaChange[] = [];
  const key = (date: string, occurrence: number) => `${date}#${occurrence}`;
  const piecesByKey = new Map<string, StoredShift[]>();
  for (const shift of stored) {
    if (shift.occurrence === null) continue;
    const pieces = piecesByKey.get(key(shift.date, shift.occurrence)) ?? [];
    pieces.push(shift);
    piecesByKey.set(key(shift.date, shift.occurrence), pieces);
  }
  for (const opening of openings) {
    const pieces = piecesByKey.get(key(opening.date, opening.occurrence));
    piecesByKey.delete(key(opening.date, opening.occurrence));
    if (!pieces) {
      changes.push({ kind: "create", opening });
      continue;
    }
    const sorted = [...pieces].sort((left, right) => left.startsAt.getTime() - right.startsAt.getTime());
    sorted.forEach((piece, index) => {
      if (piece.cancelReason === "CANCELLED_BY_CENTRE") return;
      const startsAt = index === 0 ? opening.startsAt : maxDate(piece.startsAt, opening.startsAt);
      const endsAt = index === sorted.length - 1 ? opening.endsAt : minDate(piece.endsAt, opening.endsAt);
      if (endsAt <= startsAt) {
        if (piece.status === "PLANNED") changes.push({ kind: "cancel", shiftId: piece.id });
        return;
      }
      const reopen = piece.status === "CANCELLED";
      const moved = startsAt.getTime() !== piece.startsAt.getTime() || endsAt.getTime() !== piece.endsAt.getTime();
      if (reopen || moved || piece.staffing !== opening.staffing) {
        changes.push({ kind: "update", shiftId: piece.id, startsAt, endsAt, staffing: opening.staffing, reopen });
      }
    });
  }
  // Openings that no longer exist (a closure, a holiday, a changed weekly schedule).
  for (const pieces of piecesByKey.values()) {
    for (const piece of pieces) if (piece.status === "PLANNED") changes.push({ kind: "cancel", shiftId: piece.id });
  }
  return changes;
}

export interface ShiftWithAssignments {
  status: "PLANNED" | "CANCELLED";
  staffing: Staffing;
  assignments: readonly { role: "KEY_HOLDER" | "VOLUNTEER" | "STAFF" }[];
}

/** A rota gap: a planned period run by volunteers with no key holder (or staff member) signed up. */
export function isKeyHolderGap(shift: ShiftWithAssignments): boolean {
  return (
    shift.status === "PLANNED" &&
    shift.staffing === "VOLUNTEERS" &&
    !shift.assignments.some((assignment) => assignment.role === "KEY_HOLDER" || assignment.role === "STAFF")
  );
}

/** Hours between two instants: real elapsed time, so a night across a DST change counts 5 or 7 hours. */
export function hoursBetween(startsAt: Date, endsAt: Date): number {
  return (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function maxDate(left: Date, right: Date): Date {
  return left > right ? left : right;
}

function minDate(left: Date, right: Date): Date {
  return left < right ? left : right;
}

// One shift as a card: when, where, who is on it, what it lacks, and the actions given.
import type { ReactNode } from "react";
import type { ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import type { ShiftFields } from "./documents.ts";

export type Shift = ResultOf<typeof ShiftFields>;

/** "lørdag 5. december, 22.00–04.00" */
export function useShiftWhen() {
  const { formatDayAndDate, formatTimeRange } = useFormatters();
  return (shift: Pick<Shift, "startsAt" | "endsAt">) => `${formatDayAndDate(shift.startsAt)}, ${formatTimeRange(shift.startsAt, shift.endsAt)}`;
}

export function ShiftCard({ shift, showCentre = true, actions, children }: { shift: Shift; showCentre?: boolean; actions?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const when = useShiftWhen();
  const names = shift.assignments.map((assignment) => `${assignment.personName} (${t(`volunteers.role.${assignment.role}`).toLowerCase()})`);
  return (
    <li className="shift-card">
      <h3 className="shift-card__title">{when(shift)}</h3>
      {showCentre && <p className="shift-card__centre">{shift.centre.name}</p>}
      <p className="cluster shift-card__badges">
        <Badge tone={shift.staffing === "STAFFED" ? "info" : "neutral"}>{t(`volunteers.staffing.${shift.staffing}`)}</Badge>
        {shift.status === "CANCELLED" && (
          <Badge tone="danger">{t(shift.cancelReason === "CENTRE_CLOSED" ? "volunteers.shift.cancelledClosed" : "volunteers.shift.cancelled")}</Badge>
        )}
        {shift.isKeyHolderGap && <Badge tone="warning">{t("volunteers.open.gap")}</Badge>}
        {shift.mayBeCancelled && <Badge tone="danger">{t("volunteers.open.mayBeCancelled")}</Badge>}
        {shift.myAssignment && <Badge tone="success">{t("volunteers.open.youAreOn")}</Badge>}
      </p>
      <p className="shift-card__people">{names.length > 0 ? t("volunteers.shift.people", { names: names.join(", ") }) : t("volunteers.shift.nobody")}</p>
      {children}
      {actions && <div className="cluster shift-card__actions">{actions}</div>}
    </li>
  );
}

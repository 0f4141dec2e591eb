// Who a handover went to, in words: the receiving unit, or — for an open request no unit has
// claimed yet — its group ("Åben forespørgsel: Bostøtte i Fjordby Centrum").
import type { Translate } from "../../i18n/i18n.tsx";
import type { ServiceKind } from "./labels.ts";

export type RecipientFacts = {
  toUnit: { name: string } | null;
  openRequest?: { serviceKind: ServiceKind; areaName: string } | null;
};

export function recipientName(t: Translate, handover: RecipientFacts): string {
  if (handover.toUnit) return handover.toUnit.name;
  const group = handover.openRequest;
  return group ? t("handovers.group.name", { kind: t(`handovers.serviceKind.${group.serviceKind}`), area: group.areaName }) : "–";
}

import { useT } from "../../i18n/i18n.tsx";
import { Badge, type BadgeTone } from "../../ui/Badge.tsx";

const tones: Record<string, BadgeTone> = { CONFIRMED: "success", REQUESTED: "warning", DECLINED: "danger", CANCELLED: "neutral", EXPIRED: "neutral" };

export function VisitStatusBadge({ status }: { status: "CONFIRMED" | "REQUESTED" | "DECLINED" | "CANCELLED" | "EXPIRED" }) {
  const t = useT();
  return <Badge tone={tones[status] ?? "neutral"}>{t(`visits.status.${status}`)}</Badge>;
}

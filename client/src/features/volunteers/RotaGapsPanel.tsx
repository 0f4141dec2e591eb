// In the coordinator's coverage view: periods in the next two weeks that are open with
// volunteers but have no key holder ("åben, men mangler nøglebærer").
import { useState } from "react";
import { useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { RotaGapsQuery } from "./documents.ts";
import { useShiftWhen } from "./ShiftCard.tsx";

function localToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
}

export function RotaGapsPanel() {
  const t = useT();
  const when = useShiftWhen();
  const [fromDate] = useState(localToday);
  const toDate = new Date(Date.parse(`${fromDate}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
  const { data } = useQuery(RotaGapsQuery, { fromDate, toDate });
  if (!data) return null;
  return (
    <section aria-labelledby="rota-gaps-heading" className="stack">
      <h2 id="rota-gaps-heading">{t("volunteers.gaps.heading")}</h2>
      <p>{t("volunteers.gaps.intro")}</p>
      {data.rotaGaps.length === 0 ? (
        <p>{t("volunteers.gaps.none")}</p>
      ) : (
        <ul>
          {data.rotaGaps.map((gap) => (
            <li key={gap.id}>
              <strong>{gap.centre.name}</strong>: {when(gap)} {gap.mayBeCancelled && <Badge tone="danger">{t("volunteers.public.mayBeCancelled")}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { graphql, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { formatKilometres } from "./labels.ts";
import { SafetyNetPanel } from "./SafetyNetPanel.tsx";

const OpenElsewhereQuery = graphql(`
  query OpenElsewhere($centreId: ID!) {
    openElsewhere(centreId: $centreId, first: 5) {
      closesAt
      distanceKm
      centre { id name street postalCode city }
    }
  }
`);

/** When a centre is closed: where the citizen can go instead right now. */
export function OpenElsewhere({ centreId, centreName }: { centreId: string; centreName: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatTime } = useFormatters();
  const { data } = useQuery(OpenElsewhereQuery, { centreId });
  if (!data) return null;
  const alternatives = data.openElsewhere;
  return (
    <>
      <section className="open-elsewhere" aria-labelledby="open-elsewhere-title">
        <h2 id="open-elsewhere-title">{t("directory.centre.openElsewhere")}</h2>
        {alternatives.length === 0 ? (
          <p>{t("directory.centre.openElsewhereEmpty")}</p>
        ) : (
          <>
            <p>{t("directory.centre.openElsewhereLead", { name: centreName })}</p>
            <ul>
              {alternatives.map((alternative) => (
                <li key={alternative.centre.id}>
                  <Link to={`/vaerested/${alternative.centre.id}`}>{alternative.centre.name}</Link>
                  {" – "}
                  {alternative.closesAt ? t("directory.centre.openUntil", { time: formatTime(alternative.closesAt) }) : t("directory.status.open")}
                  {", "}
                  {alternative.centre.street}
                  {" · "}
                  {t("directory.search.distance", { km: formatKilometres(alternative.distanceKm, language) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {alternatives.length === 0 && <SafetyNetPanel />}
    </>
  );
}

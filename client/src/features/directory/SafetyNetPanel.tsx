import { graphql, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";

const SafetyNetQuery = graphql(`
  query SafetyNet {
    safetyNet { id name kind phone phoneHref address description alwaysOpen hoursText }
  }
`);

const KIND_KEYS = {
  SHELTER: "directory.safetyNet.kind.SHELTER",
  ACUTE_PSYCHIATRY: "directory.safetyNet.kind.ACUTE_PSYCHIATRY",
  HELPLINE: "directory.safetyNet.kind.HELPLINE",
} as const;

/**
 * "Never a dead end" (issue 18): when nothing in the directory is open, the always-open places
 * and helplines with phone numbers to call straight away.
 */
export function SafetyNetPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useT();
  const { data } = useQuery(SafetyNetQuery, {});
  if (!data || data.safetyNet.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="safety-net" aria-labelledby="safety-net-title" data-testid="safety-net">
      <Heading id="safety-net-title">{t("directory.safetyNet.title")}</Heading>
      <p>{t("directory.safetyNet.lead")}</p>
      <ul className="safety-net__list">
        {data.safetyNet.map((entry) => (
          <li key={entry.id} className="safety-net__entry">
            <p className="safety-net__name">
              <strong>{entry.name}</strong>
              {" · "}
              {t(KIND_KEYS[entry.kind])}
              {" · "}
              {entry.alwaysOpen ? t("directory.safetyNet.alwaysOpen") : entry.hoursText}
            </p>
            {entry.description && <p>{entry.description}</p>}
            {entry.address && <p>{entry.address}</p>}
            <p>
              <a className="safety-net__call" href={entry.phoneHref}>
                {t("directory.safetyNet.call", { name: entry.name, phone: entry.phone })}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

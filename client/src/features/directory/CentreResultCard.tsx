import { graphql } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Card } from "../../ui/Card.tsx";
import { formatKilometres } from "./labels.ts";
import { OpeningStatusBadge, OpeningStatusFields } from "./OpeningStatusBadge.tsx";

export const CentreResultFields = graphql(
  `
    fragment CentreResultFields on CentreEdge @_unmask {
      cursor
      distanceKm
      reasons { kind da en }
      node {
        id
        name
        description
        street
        postalCode
        city
        openingStatus { ...OpeningStatusFields }
      }
    }
  `,
  [OpeningStatusFields],
);

export type CentreResult = {
  distanceKm?: number | null;
  reasons: readonly { kind: string; da: string; en: string }[];
  node: {
    id: string;
    name: string;
    description: string;
    street: string;
    postalCode: string;
    city: string;
    openingStatus: { isOpen: boolean; textDa: string; textEn: string };
  };
};

export function CentreResultCard({ result, headingId }: { result: CentreResult; headingId: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { node } = result;
  return (
    <Card
      as="li"
      headingLevel={3}
      className="result-card"
      title={
        <Link to={`/vaerested/${node.id}`} id={headingId}>
          {node.name}
        </Link>
      }
    >
      <p className="result-card__status">
        <OpeningStatusBadge status={node.openingStatus} />
      </p>
      <p className="result-card__address">
        {node.street}, {node.postalCode} {node.city}
        {result.distanceKm != null && <> · {t("directory.search.distance", { km: formatKilometres(result.distanceKm, language) })}</>}
      </p>
      <p>{node.description}</p>
      {result.reasons.length > 0 && (
        <>
          <p className="result-card__why">{t("directory.search.whyTitle")}:</p>
          <ul className="reasons">
            {result.reasons.map((reason, index) => (
              <li key={`${reason.kind}-${index}`}>{language === "da" ? reason.da : reason.en}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

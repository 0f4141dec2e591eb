import { graphql } from "../../graphql.ts";
import { useLanguage } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";

export const OpeningStatusFields = graphql(`
  fragment OpeningStatusFields on OpeningStatus @_unmask {
    isOpen
    textDa
    textEn
    staffing
  }
`);

type OpeningStatus = { isOpen: boolean; textDa: string; textEn: string };

/** "Åben nu til 21:00" or "Lukket – åbner torsdag 09:00"; the words say it, the colour repeats it. */
export function OpeningStatusBadge({ status }: { status: OpeningStatus }) {
  const { language } = useLanguage();
  return <Badge tone={status.isOpen ? "success" : "neutral"}>{language === "da" ? status.textDa : status.textEn}</Badge>;
}

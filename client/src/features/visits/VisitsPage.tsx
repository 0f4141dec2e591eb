import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../router.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";

// Placeholder so the navigation has no dead links; replaced by the feature's real page.
export function VisitsPage() {
  const t = useT();
  useDocumentTitle(t("visits.title"));
  return (
    <>
      <PageHeading>{t("visits.title")}</PageHeading>
      <p>{t("common.underConstruction")}</p>
    </>
  );
}

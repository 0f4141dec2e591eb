import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../router.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";

// Placeholder so the navigation has no dead links; replaced by the feature's real page.
export function SearchPage() {
  const t = useT();
  useDocumentTitle(t("search.title"));
  return (
    <>
      <PageHeading>{t("search.title")}</PageHeading>
      <p>{t("common.underConstruction")}</p>
    </>
  );
}

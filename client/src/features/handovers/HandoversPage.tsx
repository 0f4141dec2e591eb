import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../router.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";

// Placeholder so the navigation has no dead links; replaced by the feature's real page.
export function HandoversPage() {
  const t = useT();
  useDocumentTitle(t("handovers.title"));
  return (
    <>
      <PageHeading>{t("handovers.title")}</PageHeading>
      <p>{t("common.underConstruction")}</p>
    </>
  );
}

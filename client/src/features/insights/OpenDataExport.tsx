// The coordinator's export of the whole directory as open data (HSDS 3): a tabular data
// package and HSDS JSON, served by /hsds/export.* to coordinators only.
import { useT } from "../../i18n/i18n.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";

export function OpenDataExport() {
  const t = useT();
  return (
    <Card title={t("insights.openData.title")}>
      <div className="stack">
        <p>{t("insights.openData.lead")}</p>
        <div className="cluster">
          <a href="/hsds/export.zip" download className={buttonClassName("primary")}>{t("insights.openData.zip")}</a>
          <a href="/hsds/export.json" download className={buttonClassName("secondary")}>{t("insights.openData.json")}</a>
          <a href="/hsds/services?per_page=5">{t("insights.openData.api")}</a>
        </div>
      </div>
    </Card>
  );
}

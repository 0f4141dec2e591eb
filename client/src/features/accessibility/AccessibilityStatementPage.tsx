import { formatDate } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";

// Update both dates whenever the statement is reviewed: the law requires a review at least
// once a year and after changes that affect what the statement says.
const PREPARED_ON = "2026-11-25";
const REVIEWED_ON = "2026-11-25";

const DIGST_COMPLAINTS_URL = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/";

export function AccessibilityStatementPage() {
  const t = useT();
  const { language } = useLanguage();
  useDocumentTitle(t("accessibility.title"));
  const email = t("accessibility.contactEmail");

  return (
    <div className="prose">
      <PageHeading>{t("accessibility.title")}</PageHeading>

      <Alert tone="warning" title={t("accessibility.demoNoticeTitle")}>
        <p>{t("accessibility.demoNotice")}</p>
      </Alert>

      <p>{t("accessibility.intro", { authority: t("accessibility.authority") })}</p>

      <h2>{t("accessibility.scopeTitle")}</h2>
      <p>{t("accessibility.scopeBody")}</p>
      <p>{t("accessibility.scopeFiles")}</p>

      <h2>{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.statusBody")}</p>
      <p>{t("accessibility.statusReason")}</p>

      <h3>{t("accessibility.limitationsTitle")}</h3>
      <ul>
        <li>{t("accessibility.limitationScreenReaders")}</li>
        <li>{t("accessibility.limitationTables")}</li>
      </ul>

      <h2>{t("accessibility.testingTitle")}</h2>
      <p>{t("accessibility.testingIntro")}</p>
      <ul>
        <li>{t("accessibility.testingAxe")}</li>
        <li>{t("accessibility.testingKeyboard")}</li>
        <li>{t("accessibility.testingZoom")}</li>
        <li>{t("accessibility.testingContrast")}</li>
      </ul>
      <p>{t("accessibility.testingLimits")}</p>

      <h2>{t("accessibility.feedbackTitle")}</h2>
      <p>{t("accessibility.feedbackBody")}</p>
      <address>
        <p>{t("accessibility.contactName")}</p>
        <dl>
          <dt>{t("accessibility.contactEmailLabel")}</dt>
          <dd>
            <a href={`mailto:${email}`}>{email}</a>
          </dd>
          <dt>{t("accessibility.contactPhoneLabel")}</dt>
          <dd>{t("accessibility.contactPhone")}</dd>
        </dl>
      </address>
      <p>{t("accessibility.feedbackPrivacy")}</p>

      <h2>{t("accessibility.enforcementTitle")}</h2>
      <p>{t("accessibility.enforcementBody")}</p>
      <p>
        <a href={DIGST_COMPLAINTS_URL} hrefLang="da">
          {t("accessibility.enforcementLink")}
        </a>
      </p>

      <h2>{t("accessibility.preparationTitle")}</h2>
      <p>
        {t("accessibility.preparationBody", {
          prepared: formatDate(PREPARED_ON, language),
          reviewed: formatDate(REVIEWED_ON, language),
        })}
      </p>
    </div>
  );
}

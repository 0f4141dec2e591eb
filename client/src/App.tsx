import { AccountMenu } from "./features/accounts/AccountMenu.tsx";
import { useNavigationItems } from "./features/accounts/navigation.tsx";
import { ViewerProvider } from "./features/accounts/viewer.tsx";
import { I18nProvider, useT } from "./i18n/i18n.tsx";
import { LanguageSwitcher } from "./i18n/LanguageSwitcher.tsx";
import { Link, RouterProvider } from "./router.tsx";
import { AppRoutes, paths } from "./routes.tsx";
import { Layout } from "./ui/Layout.tsx";

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <ViewerProvider>
          <AppFrame />
        </ViewerProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function AppFrame() {
  const t = useT();
  const navigationItems = useNavigationItems();
  return (
    <Layout
      skipLinkLabel={t("layout.skipLink")}
      brand={
        <Link to={paths.home} className="brand">
          <span className="brand__name">{t("app.name")}</span>
          <span className="brand__tagline">{t("app.tagline")}</span>
        </Link>
      }
      headerActions={
        <>
          <AccountMenu />
          <LanguageSwitcher />
        </>
      }
      navigation={{ label: t("layout.navigationLabel"), items: navigationItems }}
      footer={
        <div className="site-footer__inner">
          <p>{t("layout.footerText")}</p>
          <ul className="site-footer__links" aria-label={t("layout.footerLabel")}>
            <li>
              <Link to={paths.accessibility}>{t("nav.accessibility")}</Link>
            </li>
          </ul>
        </div>
      }
    >
      <AppRoutes />
    </Layout>
  );
}

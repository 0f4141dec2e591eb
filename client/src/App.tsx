import { Router } from "wouter";
import { AccountMenu } from "./features/accounts/AccountMenu.tsx";
import { useNavigation } from "./features/accounts/navigation.tsx";
import { ViewerProvider } from "./features/accounts/viewer.tsx";
import { NotificationBell } from "./features/notifications/NotificationBell.tsx";
import { GraphQLProvider } from "./graphql-client.tsx";
import { I18nProvider, useT } from "./i18n/i18n.tsx";
import { LanguageSwitcher } from "./i18n/LanguageSwitcher.tsx";
import { Link, navigateAsPage, usePageFocus } from "./page-navigation.tsx";
import { AppRoutes, paths } from "./routes.tsx";
import { Layout } from "./ui/Layout.tsx";

export function App() {
  return (
    <I18nProvider>
      <GraphQLProvider>
        <Router aroundNav={navigateAsPage}>
          <ViewerProvider>
            <AppFrame />
          </ViewerProvider>
        </Router>
      </GraphQLProvider>
    </I18nProvider>
  );
}

function AppFrame() {
  const t = useT();
  const navigation = useNavigation();
  usePageFocus();
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
          <NotificationBell />
          <AccountMenu />
          <LanguageSwitcher />
        </>
      }
      navigation={{ label: t("layout.navigationLabel"), items: navigation.items }}
      menu={{
        label: t("layout.menu"),
        badge:
          navigation.unread > 0 ? (
            <span className="nav-count">
              <span className="visually-hidden">, </span>
              {t("accounts.nav.unreadHandovers", { count: navigation.unread })}
            </span>
          ) : null,
      }}
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

// The frame every administration sub-page shares: a way back to /administration, and the
// signed-out and "not yours to administer" states, so each page only renders its own content.
import type { ReactNode } from "react";
import { useLocation } from "wouter";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { requestErrorMessage } from "../../graphql.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";

export function BackToAdministration() {
  const t = useT();
  return (
    <p className="admin-back">
      <Link to="/administration">{t("adminProfile.backToAdministration")}</Link>
    </p>
  );
}

/** Renders children only for a signed-in viewer; otherwise a heading and a sign-in link back here. */
export function SignedInAdminPage({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const { me } = useViewer();
  const [pathname] = useLocation();
  if (me === undefined) return <Spinner showLabel />;
  if (me === null) {
    return (
      <>
        <BackToAdministration />
        <PageHeading>{title}</PageHeading>
        <p>
          <Link to={`/log-ind?next=${encodeURIComponent(pathname)}`}>{t("adminProfile.signInFirst")}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}

export function NotAllowed({ title, message }: { title: string; message: string }) {
  return (
    <>
      <BackToAdministration />
      <PageHeading>{title}</PageHeading>
      <Alert tone="warning">{message}</Alert>
    </>
  );
}

/** A "Gemt" note after a successful save, announced politely. */
export function SavedNote({ show, children }: { show: boolean; children: ReactNode }) {
  return (
    <p className="admin-saved" role="status">
      {show ? children : null}
    </p>
  );
}

/** What an administration page shows before its data has arrived: loading, or the error with a retry. */
export function AdminPageLoading({ title, loading, error, retry }: { title: string; loading: boolean; error: unknown; retry: () => void }) {
  const t = useT();
  return (
    <>
      <BackToAdministration />
      <PageHeading>{title}</PageHeading>
      <LoadingRegion busy={loading}>
        {error ? (
          <Alert tone="error">
            <p>{requestErrorMessage(error, t)}</p>
            <Button variant="secondary" onClick={retry}>
              {t("common.retry")}
            </Button>
          </Alert>
        ) : null}
      </LoadingRegion>
    </>
  );
}

// On the public centre page: "Vi søger frivillige" and the periods that "kan blive aflyst"
// because no key holder has signed up. Says nothing about who is on the rota.
import { useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { CentreVolunteerNoticesQuery } from "./documents.ts";
import { useShiftWhen } from "./ShiftCard.tsx";

export function CentreVolunteerNotices({ centreId }: { centreId: string }) {
  const t = useT();
  const when = useShiftWhen();
  const { data } = useQuery(CentreVolunteerNoticesQuery, { centreId });
  const centre = data?.centre;
  if (!centre) return null;
  return (
    <>
      {centre.mayBeCancelledShifts.length > 0 && (
        <Alert tone="warning" title={t("volunteers.public.mayBeCancelled")}>
          <p>{t("volunteers.public.mayBeCancelledIntro")}</p>
          <ul>
            {centre.mayBeCancelledShifts.map((shift) => (
              <li key={shift.id}>{when(shift)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {centre.volunteerCalls.length > 0 && (
        <section aria-labelledby="volunteer-calls-heading" className="stack">
          <h2 id="volunteer-calls-heading">{t("volunteers.public.wanted")}</h2>
          <ul>
            {centre.volunteerCalls.map((call) => (
              <li key={call.id}>
                <strong>{call.title}</strong> – {call.whenText}
              </li>
            ))}
          </ul>
          <p>
            <Link className={buttonClassName("secondary")} to="/bliv-frivillig">
              {t("volunteers.public.apply")}
            </Link>
          </p>
        </section>
      )}
    </>
  );
}

// A volunteer's phone screen (journey J6): their coming shifts, open shifts at their centres,
// swaps others offer, and a private calendar link to their shifts.
import { useState } from "react";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import {
  AcceptShiftSwapMutation,
  CreateShiftFeedLinkMutation,
  LeaveShiftMutation,
  MyShiftsQuery,
  RequestShiftSwapMutation,
  RevokeShiftFeedLinkMutation,
  SignUpForShiftMutation,
  WithdrawShiftSwapMutation,
} from "./documents.ts";
import { ShiftCard, useShiftWhen, type Shift } from "./ShiftCard.tsx";
import "./volunteers.css";

type Role = "KEY_HOLDER" | "VOLUNTEER" | "STAFF";

export function MyShiftsPage() {
  const t = useT();
  const { me } = useViewer();
  if (me === null) {
    return (
      <>
        <PageHeading>{t("volunteers.my.title")}</PageHeading>
        <EmptyState title={t("volunteers.my.signInTitle")} action={<Link className={buttonClassName()} to="/log-ind?next=/vagter">{t("nav.signIn")}</Link>}>
          <p>{t("volunteers.my.signInBody")}</p>
        </EmptyState>
      </>
    );
  }
  return <MyShifts />;
}

function MyShifts() {
  const t = useT();
  const when = useShiftWhen();
  // hasShiftFeedLink is a flag, so a created or revoked ShiftFeedLink reloads it by name.
  const query = useQuery(MyShiftsQuery, {}, { additionalTypenames: ["ShiftFeedLink"] });
  const signUp = useMutationResult(SignUpForShiftMutation, "SignUpForShiftSuccess");
  const leave = useMutationResult(LeaveShiftMutation, "LeaveShiftSuccess");
  const requestSwap = useMutationResult(RequestShiftSwapMutation, "RequestShiftSwapSuccess");
  const withdrawSwap = useMutationResult(WithdrawShiftSwapMutation, "WithdrawShiftSwapSuccess");
  const acceptSwap = useMutationResult(AcceptShiftSwapMutation, "AcceptShiftSwapSuccess");
  const [notice, setNotice] = useState<string | null>(null);
  const error = signUp.error ?? leave.error ?? requestSwap.error ?? withdrawSwap.error ?? acceptSwap.error;

  const after = async (outcome: Promise<{ ok: boolean }>, message: string) => {
    setNotice(null);
    if ((await outcome).ok) setNotice(message);
  };
  const take = (shift: Shift, role: Role) =>
    after(signUp.run({ input: { shiftId: shift.id, role } }), t("volunteers.open.taken", { when: when(shift) }));

  const data = query.data;
  const open = data?.openShifts.filter((shift) => !shift.myAssignment && (shift.freePlaces.keyHolder > 0 || shift.freePlaces.volunteer > 0)) ?? [];

  return (
    <>
      <PageHeading lead={t("volunteers.my.lead")}>{t("volunteers.my.title")}</PageHeading>
      <div className="stack">
        {notice && <Alert tone="success">{notice}</Alert>}
        {error && <Alert tone="error">{error.message}</Alert>}
        <LoadingRegion busy={query.loading && !data}>
          {query.error && <Alert tone="error">{t("volunteers.loadError")}</Alert>}
          {data && (
            <div className="stack">
              <section aria-labelledby="my-shifts-heading" className="stack">
                <h2 id="my-shifts-heading">{t("volunteers.my.upcoming")}</h2>
                {data.myShifts.length === 0 ? (
                  <p>{t("volunteers.my.none")}</p>
                ) : (
                  <ul className="shift-list">
                    {data.myShifts.map((shift) => (
                      <ShiftCard
                        key={shift.id}
                        shift={shift}
                        actions={
                          shift.status === "PLANNED" && (
                            <>
                              {shift.myAssignment?.openSwap ? (
                                <Button
                                  variant="secondary"
                                  busy={withdrawSwap.running}
                                  onClick={() => void after(withdrawSwap.run({ input: { swapId: shift.myAssignment!.openSwap!.id } }), t("volunteers.my.withdrawSwap"))}
                                >
                                  {t("volunteers.my.withdrawSwap")}
                                </Button>
                              ) : (
                                <Button
                                  variant="secondary"
                                  busy={requestSwap.running}
                                  aria-label={t("volunteers.my.swapLabel", { when: when(shift) })}
                                  onClick={() => void after(requestSwap.run({ input: { shiftId: shift.id } }), t("volunteers.my.swapOffered"))}
                                >
                                  {t("volunteers.my.swap")}
                                </Button>
                              )}
                              <Button
                                variant="danger"
                                busy={leave.running}
                                aria-label={t("volunteers.my.leaveLabel", { when: when(shift) })}
                                onClick={() => void after(leave.run({ input: { shiftId: shift.id } }), t("volunteers.my.left"))}
                              >
                                {t("volunteers.my.leave")}
                              </Button>
                            </>
                          )
                        }
                      >
                        {shift.myAssignment?.openSwap && <p>{t("volunteers.my.swapOpen")}</p>}
                      </ShiftCard>
                    ))}
                  </ul>
                )}
              </section>

              <section aria-labelledby="open-shifts-heading" className="stack">
                <h2 id="open-shifts-heading">{t("volunteers.open.heading")}</h2>
                {open.length === 0 ? (
                  <p>{t("volunteers.open.none")}</p>
                ) : (
                  <ul className="shift-list">
                    {open.map((shift) => (
                      <ShiftCard
                        key={shift.id}
                        shift={shift}
                        actions={
                          <>
                            {shift.freePlaces.keyHolder > 0 && (
                              <Button
                                busy={signUp.running}
                                aria-label={t("volunteers.open.takeLabel", { role: t("volunteers.open.takeKeyHolder"), when: when(shift) })}
                                onClick={() => void take(shift, "KEY_HOLDER")}
                              >
                                {t("volunteers.open.takeKeyHolder")}
                              </Button>
                            )}
                            {shift.freePlaces.volunteer > 0 && (
                              <Button
                                variant="secondary"
                                busy={signUp.running}
                                aria-label={t("volunteers.open.takeLabel", { role: t("volunteers.open.takeVolunteer"), when: when(shift) })}
                                onClick={() => void take(shift, "VOLUNTEER")}
                              >
                                {t("volunteers.open.takeVolunteer")}
                              </Button>
                            )}
                          </>
                        }
                      >
                        <p>{t("volunteers.open.free", shift.freePlaces)}</p>
                      </ShiftCard>
                    ))}
                  </ul>
                )}
              </section>

              {data.openShiftSwaps.length > 0 && (
                <section aria-labelledby="swaps-heading" className="stack">
                  <h2 id="swaps-heading">{t("volunteers.swaps.heading")}</h2>
                  <ul className="shift-list">
                    {data.openShiftSwaps.map((swap) => (
                      <ShiftCard
                        key={swap.id}
                        shift={swap.assignment.shift}
                        actions={
                          <Button
                            busy={acceptSwap.running}
                            aria-label={t("volunteers.swaps.takeLabel", { when: when(swap.assignment.shift) })}
                            onClick={() => void after(acceptSwap.run({ input: { swapId: swap.id } }), t("volunteers.swaps.taken"))}
                          >
                            {t("volunteers.swaps.take")}
                          </Button>
                        }
                      >
                        <p>{t(`volunteers.role.${swap.assignment.role}`)}</p>
                      </ShiftCard>
                    ))}
                  </ul>
                </section>
              )}

              <ShiftFeed hasLink={data.hasShiftFeedLink} />
            </div>
          )}
        </LoadingRegion>
      </div>
    </>
  );
}

function ShiftFeed({ hasLink }: { hasLink: boolean }) {
  const t = useT();
  const create = useMutationResult(CreateShiftFeedLinkMutation, "CreateShiftFeedLinkSuccess");
  // The answer is a count; the links it revoked are ShiftFeedLinks.
  const revoke = useMutationResult(RevokeShiftFeedLinkMutation, "RevokeShiftFeedLinkSuccess", { additionalTypenames: ["ShiftFeedLink"] });
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  return (
    <section aria-labelledby="feed-heading" className="stack">
      <h2 id="feed-heading">{t("volunteers.feed.heading")}</h2>
      <p>{t("volunteers.feed.intro")}</p>
      {(create.error ?? revoke.error) && <Alert tone="error">{(create.error ?? revoke.error)!.message}</Alert>}
      {url && (
        <Alert tone="success" title={t("volunteers.feed.shownOnce")}>
          <p className="feed-url">{url}</p>
        </Alert>
      )}
      {revoked && <Alert tone="info">{t("volunteers.feed.revoked")}</Alert>}
      {hasLink && !url && <p>{t("volunteers.feed.active")}</p>}
      <div className="cluster">
        <Button
          variant="secondary"
          busy={create.running}
          onClick={async () => {
            const result = await create.run();
            if (result.ok) {
              setUrl(result.value.link.url);
              setRevoked(false);
            }
          }}
        >
          {t(hasLink ? "volunteers.feed.replace" : "volunteers.feed.create")}
        </Button>
        {hasLink && (
          <Button
            variant="danger"
            busy={revoke.running}
            onClick={async () => {
              if ((await revoke.run()).ok) {
                setUrl(null);
                setRevoked(true);
              }
            }}
          >
            {t("volunteers.feed.revoke")}
          </Button>
        )}
      </div>
    </section>
  );
}

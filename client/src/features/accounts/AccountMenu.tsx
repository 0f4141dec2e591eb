import { useId, useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { graphql, MutationErrorFields, request, requestErrorMessage, useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { useViewer, ViewerFields } from "./viewer.tsx";
import "./accounts.css";

const SwitchActiveUnitMutation = graphql(
  `
    mutation SwitchActiveUnit($input: SwitchActiveUnitInput!) {
      switchActiveUnit(input: $input) {
        __typename
        ... on SwitchActiveUnitSuccess {
          me {
            ...ViewerFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ViewerFields],
);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The viewer's name, a unit switcher when they work in several units, and "Log ud". */
export function AccountMenu() {
  const t = useT();
  const { me, sessionChanged } = useViewer();
  const [, navigate] = useLocation();
  const selectId = useId();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const switchUnit = useMutationResult(SwitchActiveUnitMutation, "SwitchActiveUnitSuccess");
  const [chosenUnitId, setChosenUnitId] = useState<string | null>(null);

  if (!me) return null;
  const units = me.memberships.map((membership) => membership.unit);
  const activeUnitId = me.activeUnit?.id ?? units[0]?.id ?? "";
  const selectedUnitId = chosenUnitId ?? activeUnitId;

  const onSwitch = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (selectedUnitId === activeUnitId) return;
    const outcome = await switchUnit.run({ input: { unitId: selectedUnitId } });
    if (outcome.ok) {
      setChosenUnitId(null);
      await sessionChanged();
    }
  };

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await request(SignOutMutation);
      await sessionChanged();
      navigate("/");
    } catch (error) {
      setSignOutError(requestErrorMessage(error, t));
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <section className="account-menu" aria-label={t("accounts.menu.label")}>
      <p className="account-menu__name">{t("accounts.menu.signedInAs", { name: me.user.name })}</p>
      {units.length > 1 && (
        <form className="account-menu__switch" onSubmit={onSwitch}>
          <label htmlFor={selectId} className="account-menu__label">
            {t("accounts.menu.activeUnit")}
          </label>
          <select
            id={selectId}
            className="account-menu__select"
            value={selectedUnitId}
            onChange={(event) => setChosenUnitId(event.target.value)}
          >
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <button type="submit" className="account-menu__button" aria-disabled={switchUnit.running || undefined}>
            {switchUnit.running && <Spinner size="small" />}
            {t("accounts.menu.switchUnit")}
          </button>
        </form>
      )}
      {units.length === 1 && me.activeUnit && <p className="account-menu__unit">{me.activeUnit.name}</p>}
      <button type="button" className="account-menu__button" onClick={onSignOut} aria-disabled={signingOut || undefined}>
        {signingOut && <Spinner size="small" />}
        {t("accounts.menu.signOut")}
      </button>
      {switchUnit.error && (
        <p role="alert" className="account-menu__error">
          {t("accounts.menu.switchFailed", { message: switchUnit.error.message })}
        </p>
      )}
      {signOutError && (
        <p role="alert" className="account-menu__error">
          {signOutError}
        </p>
      )}
    </section>
  );
}

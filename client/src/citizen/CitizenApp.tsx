// The citizen's own page, without signing in: /h/<token> from the receipt's link or QR code,
// or /folg where the citizen types the handover code and PIN. Easy-read Danish, English on a
// button; keyboard and screen reader first (headings, labels, focus moved to what changed).
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { AnswerFeedbackMutation, CitizenHandoverQuery, CloseHandoverMutation, request, type Access, type ResultOf } from "./api.ts";
import { downloadCalendar, meetingCalendar } from "./ics.ts";
import { translate, type Language, type MessageKey } from "./messages.ts";

type Lookup = ResultOf<typeof CitizenHandoverQuery>["citizenHandover"];
type View = Extract<Extract<Lookup, { __typename: "CitizenHandoverSuccess" }>["view"], { __typename: "CitizenHandover" }>;
type Translate = (key: MessageKey, params?: Record<string, string>) => string;

type PageState =
  | { kind: "form" }
  | { kind: "loading" }
  | { kind: "view"; view: View }
  | { kind: "closed" }
  | { kind: "denied" }
  | { kind: "error" };

const LANGUAGE_KEY = "traedesten.language";

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "da";
  } catch {
    return "da";
  }
}

function tokenFromPath(pathname: string): string | null {
  const match = /^\/h\/([^/]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Moves keyboard and screen-reader focus to an element once it is shown. */
function useFocusOnShow<Element extends HTMLElement>(dependency: unknown) {
  const ref = useRef<Element>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [dependency]);
  return ref;
}

export function CitizenApp() {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const t: Translate = useCallback((key, params) => translate(language, key, params), [language]);
  const token = tokenFromPath(window.location.pathname);
  const [access, setAccess] = useState<Access | null>(token ? { token } : null);
  const [state, setState] = useState<PageState>(token ? { kind: "loading" } : { kind: "form" });

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t(token ? "title" : "followTitle")} – Trædesten`;
  }, [language, t, token]);

  const load = useCallback(async (current: Access) => {
    setState({ kind: "loading" });
    try {
      const data = await request(CitizenHandoverQuery, { access: current });
      const result = data.citizenHandover;
      if (result.__typename !== "CitizenHandoverSuccess") setState({ kind: "denied" });
      else if (result.view.__typename === "CitizenHandover") setState({ kind: "view", view: result.view });
      else setState({ kind: "closed" });
    } catch {
      setState({ kind: "error" });
    }
  }, []);

  useEffect(() => {
    if (access) void load(access);
  }, [access, load]);

  const switchLanguage = () => {
    const next = language === "da" ? "en" : "da";
    try {
      window.localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // The language still changes for this visit.
    }
    setLanguage(next);
  };

  let content: ReactNode;
  if (state.kind === "view" && access) content = <HandoverView view={state.view} access={access} t={t} language={language} onClosed={() => setState({ kind: "closed" })} onChanged={() => void load(access)} />;
  else if (state.kind === "closed") content = <Closed t={t} />;
  else if (!token && (state.kind === "form" || state.kind === "denied" || state.kind === "loading" || state.kind === "error"))
    content = <FollowForm t={t} state={state.kind} onSubmit={(code, pin) => setAccess({ code, pin })} />;
  else if (state.kind === "loading") content = <p role="status">{t("loading")}</p>;
  else content = <Problem t={t} text={state.kind === "denied" ? t("deniedLink") : t("networkError")} />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <header className="citizen-header">
        <span className="citizen-header__brand">{t("brand")}</span>
        <button type="button" className="link-button" lang={language === "da" ? "en" : "da"} aria-label={t("languageSwitchLabel")} onClick={switchLanguage}>
          {t("languageSwitch")}
        </button>
      </header>
      <main id="main" tabIndex={-1} className="citizen-main">
        {content}
      </main>
    </>
  );
}

function Problem({ t, text }: { t: Translate; text: string }) {
  const heading = useFocusOnShow<HTMLHeadingElement>(text);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {t("title")}
      </h1>
      <p className="notice notice--problem">{text}</p>
    </>
  );
}

function FollowForm({ t, state, onSubmit }: { t: Translate; state: PageState["kind"]; onSubmit: (code: string, pin: string) => void }) {
  const [code, setCode] = useState("");
  const [pin, setPin] = useState("");
  const problem = state === "denied" ? t("denied") : state === "error" ? t("networkError") : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code, pin);
  };
  return (
    <>
      <h1>{t("followTitle")}</h1>
      <p className="lead">{t("followLead")}</p>
      {problem && (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
      <form className="follow-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="code">{t("codeLabel")}</label>
          <span className="field__hint" id="code-hint">
            {t("codeHint")}
          </span>
          <input id="code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby="code-hint" required value={code} onChange={(event) => setCode(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pin">{t("pinLabel")}</label>
          <span className="field__hint" id="pin-hint">
            {t("pinHint")}
          </span>
          <input id="pin" name="pin" inputMode="numeric" autoComplete="off" aria-describedby="pin-hint" required maxLength={8} value={pin} onChange={(event) => setPin(event.target.value)} />
        </div>
        <button type="submit" className="button" disabled={state === "loading"}>
          {state === "loading" ? t("loading") : t("show")}
        </button>
      </form>
    </>
  );
}

function Closed({ t }: { t: Translate }) {
  const heading = useFocusOnShow<HTMLHeadingElement>("closed");
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {t("closedTitle")}
      </h1>
      <p className="lead">{t("closedBody")}</p>
    </>
  );
}

function formatters(language: Language) {
  const locale = language === "da" ? "da-DK" : "en-GB";
  const zone = { timeZone: "Europe/Copenhagen" } as const;
  const when = new Intl.DateTimeFormat(locale, { ...zone, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  const date = new Intl.DateTimeFormat(locale, { ...zone, day: "numeric", month: "long", year: "numeric" });
  return { when: (iso: string) => when.format(new Date(iso)), date: (iso: string) => date.format(new Date(iso)) };
}

function HandoverView({
  view,
  access,
  t,
  language,
  onClosed,
  onChanged,
}: {
  view: View;
  access: Access;
  t: Translate;
  language: Language;
  onClosed: () => void;
  onChanged: () => void;
}) {
  const format = formatters(language);
  const names = { sender: view.sender.name, receiver: view.receiver.name };
  const heading = useFocusOnShow<HTMLHeadingElement>("view");
  const meeting = view.meeting;
  const place = meeting ? [meeting.place, meeting.address].filter(Boolean).join(", ") : "";
  const statusText =
    view.status === "ACCEPTED" && meeting
      ? t("status.ACCEPTEDMeeting", { ...names, when: format.when(meeting.startsAt), place: meeting.place ?? meeting.address ?? "" })
      : t(`status.${view.status}` as MessageKey, names);
  const isOpen = ["DRAFT", "SENT", "RECEIVED", "ACCEPTED", "ON_HOLD", "OPEN"].includes(view.status);

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {t("title")}
      </h1>
      <p className="status" data-testid="citizen-status">
        {statusText}
      </p>
      <p className="muted">{t("yourCode", { code: view.handoverCode })}</p>

      <section aria-labelledby="where-title" className="section no-print">
        <h2 id="where-title">{t("whereTitle")}</h2>
        <p>{t("whereBody", names)}</p>
        <p>{t(`contact.${view.contactChannel}` as MessageKey, names)}</p>
        {view.contactChannel === "IN_PERSON" && view.receiver.address && <p>{t("address", { address: view.receiver.address })}</p>}
      </section>

      {meeting && (
        <section aria-labelledby="meeting-title" className="section no-print">
          <h2 id="meeting-title">{t("meetingTitle")}</h2>
          <p>{t("meetingWhen", { when: format.when(meeting.startsAt) })}</p>
          <p>{place ? t("meetingWhere", { place }) : t("meetingNoPlace")}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              downloadCalendar(
                meetingCalendar({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, summary: t("calendarSummary", names), location: place }),
                "moede.ics",
              )
            }
          >
            {t("calendar")}
          </button>
        </section>
      )}

      {isOpen && (
        <section aria-labelledby="nothing-title" className="section no-print">
          <h2 id="nothing-title">{t("nothingTitle")}</h2>
          {view.answerBy && ["SENT", "RECEIVED"].includes(view.status) && <p>{t("nothingByDate", { ...names, date: format.date(view.answerBy) })}</p>}
          <p>{t("nothingAsk", names)}</p>
          {view.sender.phone && <p>{t("nothingPhone", { ...names, phone: view.sender.phone })}</p>}
          {view.sender.address && <p>{t("address", { address: view.sender.address })}</p>}
        </section>
      )}

      <ConsentReceipt view={view} t={t} date={format.date} />

      {view.canAnswerFeedback && <Feedback access={access} t={t} onAnswered={onChanged} />}
      {view.hasAnsweredFeedback && (
        <p className="notice no-print" role="status">
          {t("feedbackThanks")}
        </p>
      )}

      {(view.canWithdrawConsent || view.canSayNoLongerNeeded) && (
        <section aria-labelledby="actions-title" className="section no-print">
          <h2 id="actions-title">{t("actionsTitle")}</h2>
          {view.canWithdrawConsent && (
            <Confirmed
              access={access}
              action="WITHDREW_CONSENT"
              t={t}
              label={t("withdraw")}
              title={t("withdrawConfirmTitle")}
              body={t("withdrawConfirmBody", names)}
              yes={t("withdrawYes")}
              onDone={onClosed}
            />
          )}
          {view.canSayNoLongerNeeded && (
            <Confirmed
              access={access}
              action="NO_LONGER_NEEDED"
              t={t}
              label={t("noLongerNeeded")}
              title={t("noLongerConfirmTitle")}
              body={t("noLongerConfirmBody", names)}
              yes={t("noLongerYes")}
              onDone={onClosed}
            />
          )}
        </section>
      )}
    </>
  );
}

function ConsentReceipt({ view, t, date }: { view: View; t: Translate; date: (iso: string) => string }) {
  const consent = view.consent;
  return (
    <section aria-labelledby="consent-title" className="section consent">
      <h2 id="consent-title">{t("consentTitle")}</h2>
      {consent ? (
        <>
          <p>{t("consentLead")}</p>
          <dl className="receipt">
            <dt>{t("consentWhat")}</dt>
            <dd>
              <ul>
                {consent.fields.map((field) => (
                  <li key={field}>{t(`field.${field}` as MessageKey)}</li>
                ))}
              </ul>
            </dd>
            <dt>{t("consentWho")}</dt>
            <dd>{consent.recipient.name}</dd>
            <dt>{t("consentWhy")}</dt>
            <dd>{consent.purposes.map((purpose) => t(`purpose.${purpose}` as MessageKey)).join(", ")}</dd>
            <dt>{t("consentHow")}</dt>
            <dd>{t(`method.${consent.method}` as MessageKey)}</dd>
            <dt>{t("consentFrom")}</dt>
            <dd>{date(consent.givenAt)}</dd>
            <dt>{t("consentUntil")}</dt>
            <dd>{date(consent.validUntil)}</dd>
          </dl>
          <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
            {t("print")}
          </button>
        </>
      ) : (
        <p>{t("consentNone")}</p>
      )}
    </section>
  );
}

const ANSWERS = ["YES", "PARTLY", "NO", "RATHER_NOT_SAY"] as const;

function Feedback({ access, t, onAnswered }: { access: Access; t: Translate; onAnswered: () => void }) {
  const [answer, setAnswer] = useState<(typeof ANSWERS)[number] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answer) return setProblem(t("feedbackChoose"));
    setSending(true);
    try {
      const result = await request(AnswerFeedbackMutation, { input: { access, answer } });
      if (result.answerCitizenFeedback.__typename === "AnswerCitizenFeedbackSuccess") onAnswered();
      else setProblem(t("actionFailed"));
    } catch {
      setProblem(t("actionFailed"));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="feedback-title" className="section no-print">
      <form onSubmit={submit}>
        <fieldset>
          <legend>
            <h2 id="feedback-title">{t("feedbackTitle")}</h2>
          </legend>
          <p>{t("feedbackLead")}</p>
          {problem && (
            <p className="notice notice--problem" role="alert">
              {problem}
            </p>
          )}
          {ANSWERS.map((value) => (
            <div className="choice" key={value}>
              <input type="radio" id={`feedback-${value}`} name="feedback" value={value} checked={answer === value} onChange={() => setAnswer(value)} />
              <label htmlFor={`feedback-${value}`}>{t(`feedback.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={sending}>
          {t("feedbackSend")}
        </button>
      </form>
    </section>
  );
}

function Confirmed({
  access,
  action,
  t,
  label,
  title,
  body,
  yes,
  onDone,
}: {
  access: Access;
  action: "WITHDREW_CONSENT" | "NO_LONGER_NEEDED";
  t: Translate;
  label: string;
  title: string;
  body: string;
  yes: string;
  onDone: () => void;
}) {
  const [isAsking, setIsAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const headingId = `confirm-${action}`;
  useEffect(() => {
    if (isAsking) confirmHeading.current?.focus();
  }, [isAsking]);

  const cancel = () => {
    setIsAsking(false);
    setProblem(null);
    // Back to the button that opened the question, so keyboard users keep their place.
    setTimeout(() => opener.current?.focus(), 0);
  };
  const confirm = async () => {
    setSending(true);
    try {
      const result = await request(CloseHandoverMutation, { input: { access, action } });
      if (result.closeHandoverAsCitizen.__typename === "CloseHandoverAsCitizenSuccess") onDone();
      else setProblem(t("actionFailed"));
    } catch {
      setProblem(t("actionFailed"));
    } finally {
      setSending(false);
    }
  };

  if (!isAsking) {
    return (
      <p>
        <button type="button" ref={opener} className="button button--danger" onClick={() => setIsAsking(true)}>
          {label}
        </button>
      </p>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={headingId} onKeyDown={(event) => event.key === "Escape" && cancel()}>
      <h3 id={headingId} tabIndex={-1} ref={confirmHeading}>
        {title}
      </h3>
      <p>{body}</p>
      {problem && (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
      <div className="cluster">
        <button type="button" className="button button--danger" disabled={sending} onClick={() => void confirm()}>
          {yes}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

// The catalogue of notification kinds: who is told by default, how, and the words they get.
// Every text names only the kind of news, the unit it concerns and where to look; never a
// name, handover code, wish, note or any other handover or visit text.
import type { NotificationKind, NotificationMode } from "../../generated/prisma/enums.ts";
import { ACCOUNT_LOCK_MINUTES } from "../../shared/account-lock.ts";
import type { LocalizedText } from "../../shared/errors.ts";

export type Locale = "da" | "en";

export interface KindDefinition {
  /** What a busy professional would pick; preferences override it per user. */
  defaultMode: NotificationMode;
  /** False for set-password links: they always go out at once and only by e-mail. */
  isConfigurable: boolean;
  /** For the preferences page. */
  label: LocalizedText;
  subject: LocalizedText;
  /** One sentence; `{unit}` is the unit the recipient belongs to. */
  line: LocalizedText;
  linkText: LocalizedText;
  /** Path (under PUBLIC_URL) the message links to. */
  path(subjectId: string | null, secret: string | null): string;
}

const handoverPath = (id: string | null) => (id ? `/overleveringer/${encodeURIComponent(id)}` : "/overleveringer");
const visitsPath = () => "/besoeg";
// The token goes in the fragment: browsers never send it, so it stays out of server and proxy logs.
const passwordLinkPath = (_subjectId: string | null, secret: string | null) => `/saet-adgangskode#token=${secret ?? ""}`;
const SEE_HANDOVER = { da: "Se henvendelsen", en: "See the referral" };
const SEE_VISITS = { da: "Se besøgene", en: "See the visits" };

// One entry per kind with the same fields: a table, alike in shape by design (the Record type makes it complete).
export const KINDS: Record<NotificationKind, KindDefinition> = {
  HANDOVER_RECEIVED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Ny henvendelse til min enhed", en: "New referral for my unit" },
    subject: { da: "Ny henvendelse til {unit}", en: "New referral for {unit}" },
    line: { da: "Der er en ny henvendelse til {unit} i Trædesten.", en: "There is a new referral for {unit} in Trædesten." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_ACCEPTED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "En henvendelse, jeg sendte, er taget imod", en: "A referral I sent was accepted" },
    subject: { da: "Svar på en henvendelse fra {unit}", en: "Answer to a referral from {unit}" },
    line: { da: "En henvendelse fra {unit} er taget imod.", en: "A referral from {unit} has been accepted." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_DECLINED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "En henvendelse, jeg sendte, er afvist", en: "A referral I sent was declined" },
    subject: { da: "Svar på en henvendelse fra {unit}", en: "Answer to a referral from {unit}" },
    line: { da: "En henvendelse fra {unit} er afvist. Se svaret og et eventuelt bedre forslag.", en: "A referral from {unit} has been declined. See the answer and any better suggestion." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_COMPLETED: {
    defaultMode: "DIGEST",
    isConfigurable: true,
    label: { da: "En henvendelse, jeg sendte, er afsluttet", en: "A referral I sent was completed" },
    subject: { da: "En henvendelse fra {unit} er afsluttet", en: "A referral from {unit} was completed" },
    line: { da: "En henvendelse fra {unit} er afsluttet med et resultat.", en: "A referral from {unit} has been completed with an outcome." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_CANCELLED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Afsenderen trækker en henvendelse tilbage", en: "The sender withdraws a referral" },
    subject: { da: "En henvendelse til {unit} er trukket tilbage", en: "A referral for {unit} was withdrawn" },
    line: { da: "Afsenderen har trukket en henvendelse til {unit} tilbage.", en: "The sender has withdrawn a referral for {unit}." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_CONSENT_WITHDRAWN: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Samtykke trækkes tilbage", en: "Consent is withdrawn" },
    subject: { da: "Samtykke trukket tilbage ({unit})", en: "Consent withdrawn ({unit})" },
    line: { da: "Samtykket til en henvendelse, som {unit} er part i, er trukket tilbage.", en: "The consent for a referral that {unit} is part of has been withdrawn." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_EXPIRES_TOMORROW: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Svarfristen udløber i morgen", en: "The response window ends tomorrow" },
    subject: { da: "Svarfrist i morgen ({unit})", en: "Response due tomorrow ({unit})" },
    line: { da: "Svarfristen for en henvendelse, som {unit} er part i, udløber i morgen.", en: "The response window for a referral that {unit} is part of ends tomorrow." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_EXPIRED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "En henvendelse er udløbet uden svar", en: "A referral expired without an answer" },
    subject: { da: "En henvendelse er udløbet ({unit})", en: "A referral expired ({unit})" },
    line: { da: "En henvendelse, som {unit} er part i, er udløbet uden svar.", en: "A referral that {unit} is part of has expired without an answer." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_MESSAGE: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Ny besked i tråden på en henvendelse", en: "New message in a referral's thread" },
    subject: { da: "Ny besked til {unit}", en: "New message for {unit}" },
    line: { da: "Der er en ny besked til {unit} i tråden på en henvendelse i Trædesten.", en: "There is a new message for {unit} in a referral's thread in Trædesten." },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  HANDOVER_OPEN_REQUEST: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "En åben forespørgsel, min enhed kan tage", en: "An open request my unit can take" },
    subject: { da: "Åben forespørgsel til {unit}", en: "Open request for {unit}" },
    line: {
      da: "Der er en åben forespørgsel i Trædesten, som {unit} kan tage. Det tilbud, der tager den først, får den.",
      en: "There is an open request in Trædesten that {unit} can take. The first service to take it gets it.",
    },
    linkText: { da: "Se åbne forespørgsler", en: "See open requests" },
    path: () => "/overleveringer/aabne",
  },
  HANDOVER_LOOK_AGAIN: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "En henvendelse i bero skal ses på igen", en: "A referral on hold is due to be looked at again" },
    subject: { da: "Se på en henvendelse igen ({unit})", en: "Look at a referral again ({unit})" },
    line: {
      da: "En henvendelse, som {unit} har sat i bero, skal ses på igen nu.",
      en: "A referral that {unit} put on hold is due to be looked at again now.",
    },
    linkText: SEE_HANDOVER,
    path: handoverPath,
  },
  VISIT_REQUESTED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Anmodning om besøg", en: "Visit requested" },
    subject: { da: "Ny anmodning om besøg hos {unit}", en: "New visit request at {unit}" },
    line: { da: "{unit} har fået en ny anmodning om besøg.", en: "{unit} has a new visit request." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  VISIT_CONFIRMED: {
    defaultMode: "DIGEST",
    isConfigurable: true,
    label: { da: "Besøg bekræftet", en: "Visit confirmed" },
    subject: { da: "Besøg bekræftet ({unit})", en: "Visit confirmed ({unit})" },
    line: { da: "Et besøg, som {unit} har bedt om, er bekræftet.", en: "A visit that {unit} asked for has been confirmed." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  VISIT_DECLINED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Besøg afvist", en: "Visit declined" },
    subject: { da: "Besøg afvist ({unit})", en: "Visit declined ({unit})" },
    line: { da: "Et besøg, som {unit} har bedt om, er afvist.", en: "A visit that {unit} asked for has been declined." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  VISIT_CANCELLED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Besøg aflyst", en: "Visit cancelled" },
    subject: { da: "Besøg aflyst ({unit})", en: "Visit cancelled ({unit})" },
    line: { da: "Et besøg, som {unit} er part i, er aflyst.", en: "A visit that {unit} is part of has been cancelled." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  VISIT_CHANGED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Besøg ændret", en: "Visit changed" },
    subject: { da: "Besøg ændret ({unit})", en: "Visit changed ({unit})" },
    line: { da: "Et besøg, som {unit} er part i, er ændret.", en: "A visit that {unit} is part of has been changed." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  VISIT_EXPIRED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Anmodning om besøg udløbet", en: "Visit request expired" },
    subject: { da: "En anmodning om besøg er udløbet ({unit})", en: "A visit request has expired ({unit})" },
    line: { da: "En anmodning om besøg, som {unit} er part i, blev ikke besvaret i tide og er udløbet.", en: "A visit request that {unit} is part of was not answered in time and has expired." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  VISIT_REQUEST_UNANSWERED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "Anmodning om besøg venter på svar", en: "Visit request waiting for an answer" },
    subject: { da: "En anmodning om besøg venter på svar ({unit})", en: "A visit request is waiting for an answer ({unit})" },
    line: { da: "{unit} har en anmodning om besøg, der har ventet på svar i flere dage.", en: "{unit} has a visit request that has waited several days for an answer." },
    linkText: SEE_VISITS,
    path: visitsPath,
  },
  PASSWORD_SETUP: {
    defaultMode: "IMMEDIATE",
    isConfigurable: false,
    label: { da: "Link til at vælge adgangskode", en: "Link to choose a password" },
    subject: { da: "Vælg din adgangskode til Trædesten", en: "Choose your password for Trædesten" },
    line: {
      da: "Du er oprettet som bruger i Trædesten. Vælg din adgangskode med linket herunder. Det virker én gang og i 72 timer.",
      en: "You have been created as a user in Trædesten. Choose your password with the link below. It works once and for 72 hours.",
    },
    linkText: { da: "Vælg adgangskode", en: "Choose password" },
    path: passwordLinkPath,
  },
  PASSWORD_RESET: {
    defaultMode: "IMMEDIATE",
    isConfigurable: false,
    label: { da: "Link til ny adgangskode", en: "Link to a new password" },
    subject: { da: "Ny adgangskode til Trædesten", en: "New password for Trædesten" },
    line: {
      da: "Der er bestilt en ny adgangskode til din bruger i Trædesten. Vælg den med linket herunder. Det virker én gang og i 72 timer.",
      en: "A new password has been requested for your user in Trædesten. Choose it with the link below. It works once and for 72 hours.",
    },
    linkText: { da: "Vælg ny adgangskode", en: "Choose a new password" },
    path: passwordLinkPath,
  },
  ACCOUNT_LOCKED: {
    defaultMode: "IMMEDIATE",
    isConfigurable: false,
    label: { da: "Besked om låst bruger", en: "Notice of a locked account" },
    subject: { da: "Din bruger i Trædesten er midlertidigt låst", en: "Your Trædesten account is locked for a while" },
    line: {
      da: `Nogen har forsøgt at logge ind på din bruger i Trædesten flere gange med forkert adgangskode. Brugeren er derfor låst i ${ACCOUNT_LOCK_MINUTES} minutter. Var det ikke dig, så kontakt din administrator.`,
      en: `Someone tried to sign in to your Trædesten account several times with a wrong password. The account is therefore locked for ${ACCOUNT_LOCK_MINUTES} minutes. If it was not you, contact your administrator.`,
    },
    linkText: { da: "Log ind", en: "Sign in" },
    path: () => "/log-ind",
  },
  ROTA_GAP_REMINDER: {
    defaultMode: "IMMEDIATE",
    isConfigurable: true,
    label: { da: "En vagt mangler stadig en nøglebærer", en: "A shift still needs a key holder" },
    subject: { da: "En vagt hos {unit} mangler en nøglebærer", en: "A shift at {unit} needs a key holder" },
    line: {
      da: "En vagt hos {unit} i de kommende dage mangler stadig en nøglebærer. Se vagtplanen, og tag vagten, hvis du kan.",
      en: "A shift at {unit} in the coming days still needs a key holder. See the rota and take the shift if you can.",
    },
    linkText: { da: "Se vagterne", en: "See the shifts" },
    path: () => "/vagter",
  },
};

export const PREFERENCES_PATH = "/indstillinger/notifikationer";
export const NOTIFICATIONS_PATH = "/notifikationer";

export function fill(template: string, values: { unit: string }): string {
  return template.replaceAll("{unit}", values.unit);
}

export function asLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : "da";
}

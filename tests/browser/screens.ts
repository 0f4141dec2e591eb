// Every screen of the client, for screenshots (and the README's gallery).
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { seedId } from "../../prisma/seed.ts";

export interface Screen {
  name: string;
  title: string;
  path: string;
  /** Demo login e-mail to sign in with first, if the screen needs one. */
  as?: string;
  /** Also shoot it at phone width. */
  phone?: boolean;
  prepare?(page: Page): Promise<void>;
}

export const SCREENS: Screen[] = [
  { name: "01-home", title: "Forside", path: "/", phone: true },
  { name: "02-accessibility-statement", title: "Tilgængelighedserklæring", path: "/tilgaengelighed" },
  // 10–29: app shell, accounts and the directory (J1).
  { name: "10-sign-in", title: "Log ind", path: "/log-ind", phone: true },
  {
    name: "11-sign-in-failed",
    title: "Log ind – forkert adgangskode",
    path: "/log-ind",
    async prepare(page) {
      await page.getByLabel("E-mail").fill("sagsbehandler@fjordby.example");
      await page.getByLabel("Adgangskode").fill("forkert-adgangskode");
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.getByRole("alert").filter({ hasText: "Du blev ikke logget ind" }).waitFor();
    },
  },
  { name: "12-set-password", title: "Vælg adgangskode", path: "/saet-adgangskode#token=eksempel", phone: true },
  { name: "13-administration", title: "Administration", path: "/administration", as: "admin@fjordby.example" },
  { name: "14-shell-unit-admin", title: "Menu for en værestedsleder", path: "/soeg", as: "leder@lyset.example" },
  { name: "20-search", title: "Find et værested", path: "/soeg", phone: true },
  {
    name: "21-search-results",
    title: "Søgning: psykisk sårbarhed, åben nu, et måltid",
    path: "/soeg?maalgruppe=MENTAL_VULNERABILITY&oensker=MEAL&hvornaar=NOW",
    as: "sagsbehandler@fjordby.example",
    phone: true,
  },
  { name: "22-search-evening", title: "Søgning: åben i aften", path: "/soeg?hvornaar=THIS_EVENING" },
  { name: "23-search-services", title: "Søgning blandt tilbud", path: "/soeg?fane=tilbud&type=HOUSING_SUPPORT" },
  { name: "24-centre", title: "Værestedet Lyset", path: `/vaerested/${seedId("centre:lyset")}`, as: "sagsbehandler@fjordby.example", phone: true },
  { name: "25-centre-closed", title: "Lukket værested med åbent andre steder", path: `/vaerested/${seedId("centre:aftenhuset")}`, phone: true },
  { name: "26-centre-card", title: "Værestedskort til print", path: `/vaerested/${seedId("centre:lyset")}/kort` },
  // 30–49: handovers (J2, and the warm introduction of J1).
  { name: "30-handovers-inbox-sent", title: "Overleveringer – sendt fra værestedet", path: "/overleveringer?vis=sendt", as: "medarbejder@lyset.example", phone: true },
  { name: "31-handovers-inbox-received", title: "Overleveringer – modtaget i bostøtten", path: "/overleveringer", as: "bostoette@fjordby.example", phone: true },
  {
    name: "32-handovers-inbox-filtered",
    title: "Overleveringer – filtreret på status",
    path: "/overleveringer?vis=sendt",
    as: "medarbejder@lyset.example",
    async prepare(page) {
      await page.getByLabel("Status").selectOption("COMPLETED");
      await page.getByText("Kontakt etableret").first().waitFor();
    },
  },
  {
    name: "33-new-handover-recipient",
    title: "Ny overlevering – trin 2: forslag ud fra borgerens behov",
    path: "/overleveringer/ny",
    as: "medarbejder@lyset.example",
    phone: true,
    async prepare(page) {
      await page.getByRole("checkbox", { name: "Bolig" }).check();
      await page.getByRole("checkbox", { name: "Hjemløshed" }).check();
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByRole("radio", { name: "Bostøtten Fjordby" }).check();
    },
  },
  {
    name: "34-new-handover-wish",
    title: "Ny overlevering – trin 1: borgerens behov",
    path: "/overleveringer/ny",
    as: "medarbejder@lyset.example",
    async prepare(page) {
      await page.getByRole("checkbox", { name: "Bolig" }).check();
      await page.getByLabel("Borgerens ønske med egne ord").fill("Vil gerne have hjælp til at finde et sted at bo");
    },
  },
  {
    name: "35-new-handover-consent",
    title: "Ny overlevering – trin 4: samtykke med oplæsning",
    path: "/overleveringer/ny",
    as: "medarbejder@lyset.example",
    phone: true,
    async prepare(page) {
      await page.getByRole("checkbox", { name: "Bolig" }).check();
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByRole("radio", { name: "Bostøtten Fjordby" }).check();
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByLabel("Formål").fill("Hjælp til at finde og beholde en bolig");
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByRole("radio", { name: "Borgeren giver samtykke til at dele udvalgte oplysninger" }).check();
      await page.getByRole("checkbox", { name: "Fornavn eller kaldenavn" }).check();
      await page.getByRole("checkbox", { name: "Telefonnummer" }).check();
      await page.getByLabel("Hvad må oplysningerne bruges til?").fill("kontakte dig om bostøtte");
      await page.getByRole("radio", { name: "Mundtligt" }).check();
      await page.getByLabel("Samtykket gælder til og med").fill("2026-12-25");
    },
  },
  {
    name: "36-new-handover-result",
    title: "Ny overlevering – koden til borgeren",
    path: "/overleveringer/ny",
    as: "medarbejder@lyset.example",
    phone: true,
    async prepare(page) {
      await page.getByRole("checkbox", { name: "Bolig" }).check();
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByRole("radio", { name: "Bostøtten Fjordby" }).check();
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByLabel("Formål").fill("Hjælp til at finde og beholde en bolig");
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByRole("button", { name: "Næste" }).click();
      await page.getByRole("button", { name: "Send overleveringen" }).click();
      await page.getByRole("heading", { level: 1, name: "Overleveringen er sendt" }).waitFor();
    },
  },
  {
    name: "37-warm-introduction",
    title: "Varm introduktion til et værested (fra værestedssiden)",
    path: `/overleveringer/ny?til=${seedId("unit:lyset")}&type=WARM_INTRODUCTION`,
    as: "sagsbehandler@fjordby.example",
  },
  { name: "38-handover-received", title: "Overlevering – modtageren svarer", path: `/overleveringer/${seedId("handover:lyset-bostoette-new")}`, as: "bostoette@fjordby.example", phone: true },
  { name: "39-handover-accepted", title: "Overlevering – accepteret med første møde", path: `/overleveringer/${seedId("handover:lyset-bostoette-accepted")}`, as: "medarbejder@lyset.example" },
  { name: "40-handover-completed", title: "Overlevering – afsenderen ser resultatet", path: `/overleveringer/${seedId("handover:lyset-bostoette-completed")}`, as: "medarbejder@lyset.example", phone: true },
  { name: "41-handover-declined", title: "Overlevering – afvist med et bedre forslag", path: `/overleveringer/${seedId("handover:lyset-jobafklaring-declined")}`, as: "medarbejder@lyset.example" },
  {
    name: "42-handover-accept-dialog",
    title: "Overlevering – acceptér med forslag til første møde",
    path: `/overleveringer/${seedId("handover:lyset-bostoette-new")}`,
    as: "bostoette@fjordby.example",
    async prepare(page) {
      await page.getByRole("button", { name: "Acceptér" }).click();
      await page.getByRole("dialog", { name: "Acceptér overleveringen" }).waitFor();
    },
  },
  {
    name: "43-handover-withdraw-dialog",
    title: "Overlevering – borgeren trækker samtykke tilbage",
    path: `/overleveringer/${seedId("handover:lyset-bostoette-accepted")}`,
    as: "medarbejder@lyset.example",
    async prepare(page) {
      await page.getByRole("button", { name: "Borgeren trækker samtykke tilbage" }).click();
      await page.getByRole("dialog", { name: "Borgeren trækker sit samtykke tilbage" }).waitFor();
    },
  },
  {
    name: "44-handover-personal-data",
    title: "Overlevering – personoplysninger vist med begrundelse",
    path: `/overleveringer/${seedId("handover:lyset-bostoette-accepted")}`,
    as: "bostoette@fjordby.example",
    async prepare(page) {
      await page.getByRole("button", { name: "Vis personoplysninger" }).click();
      await page.getByLabel("Hvorfor har du brug for oplysningerne nu?").fill("Skal ringe til borgeren om første møde");
      await page.getByRole("button", { name: "Vis oplysningerne" }).click();
      await page.locator(".personal-data").waitFor();
    },
  },
  { name: "45-handover-access-log", title: "Adgangslog for værestedet", path: "/overleveringer/adgangslog", as: "leder@lyset.example" },
  // 50–79: visits (J3) and insights (J4), including the public survey.
  {
    name: "50-visits-service-week",
    title: "Besøg – tilbuddet vælger værested og ser ugen",
    path: `/besoeg?vaerested=${seedId("centre:lyset")}`,
    as: "jobkonsulent@fjordby.example",
    phone: true,
    prepare: (page) => page.locator("table.week-calendar__table").waitFor(),
  },
  {
    name: "51-visits-series-conflict",
    title: "Besøg – fast forløb med en optaget dato",
    path: `/besoeg?vaerested=${seedId("centre:lyset")}`,
    as: "jobkonsulent@fjordby.example",
    async prepare(page) {
      const form = page.locator("form[aria-labelledby='booking-heading']");
      await form.waitFor();
      await form.getByLabel("Lokale").selectOption({ label: "Samtalerummet" });
      await form.getByRole("radio", { name: "Hver uge (fast forløb)" }).check();
      await form.getByLabel("Første dato").fill("2026-11-30");
      await form.getByLabel("Fra kl.").fill("13:00");
      await form.getByLabel("Til kl.").fill("14:00");
      await form.getByLabel("Antal uger", { exact: true }).fill("4");
      await form.getByLabel("Offentlig titel").fill("Spørg jobkonsulenten – ingen tidsbestilling");
      await form.getByRole("button", { name: "Book forløbet" }).click();
      await page.getByRole("button", { name: "Book kun de ledige datoer" }).waitFor();
    },
  },
  { name: "52-visits-centre-requests", title: "Besøg – værestedets anmodninger", path: "/besoeg", as: "leder@lyset.example", phone: true },
  {
    name: "53-visits-centre-week",
    title: "Besøg – værestedets ugekalender",
    path: "/besoeg",
    as: "medarbejder@lyset.example",
    async prepare(page) {
      await page.getByRole("tab", { name: "Ugens kalender" }).click();
      await page.locator("table.week-calendar__table").waitFor();
    },
  },
  {
    name: "54-visits-centre-setup",
    title: "Besøg – lokaler, besøgstider, lukkedage og betroede tilbud",
    path: "/besoeg",
    as: "leder@lyset.example",
    async prepare(page) {
      await page.getByRole("tab", { name: "Opsætning" }).click();
      await page.getByRole("heading", { name: "Åbent for besøg" }).waitFor();
    },
  },
  {
    name: "55-visits-calendar-feeds",
    title: "Besøg – kalenderabonnement",
    path: "/besoeg",
    as: "leder@lyset.example",
    async prepare(page) {
      await page.getByRole("tab", { name: "Kalenderabonnement" }).click();
      await page.getByRole("button", { name: "Opret privat kalenderlink" }).click();
      await page.getByText("Linket vises kun denne ene gang.").waitFor();
    },
  },
  {
    name: "56-visits-centre-wishes",
    title: "Besøg – værestedets ønsker om besøgende tilbud",
    path: "/besoeg",
    as: "leder@lyset.example",
    async prepare(page) {
      await page.getByRole("tab", { name: "Ønsker" }).click();
      await page.getByRole("heading", { name: "Værestedets ønsker" }).waitFor();
    },
  },
  { name: "57-visits-service-wishes", title: "Besøg – ønsker fra værestederne, som tilbuddet kan svare på", path: "/besoeg", as: "bostoette@fjordby.example" },
  { name: "58-area-calendar", title: "Kalender for området", path: "/kalender", phone: true },
  { name: "59-visits-area-wishes", title: "Besøg – værestedernes ønsker i området (koordinator)", path: "/besoeg", as: "koordinator@fjordby.example" },
  {
    name: "60-overview-coordinator",
    title: "Overblik – åbningstider og tal for området",
    path: "/overblik",
    as: "koordinator@fjordby.example",
    phone: true,
    async prepare(page) {
      await page.locator("table.heatmap").waitFor();
      await page.locator("table.figures-table").waitFor();
    },
  },
  {
    name: "61-overview-centre",
    title: "Overblik – værestedets tal, optælling og brugerundersøgelse",
    path: `/overblik/vaerested/${seedId("centre:lyset")}`,
    as: "leder@lyset.example",
    async prepare(page) {
      await page.getByRole("heading", { name: "Brugerundersøgelse 2026" }).waitFor();
    },
  },
  {
    name: "70-public-survey",
    title: "Brugerundersøgelse – besvares anonymt på telefonen",
    path: `/undersoegelse/${demoSurveyToken("lyset:2026")}`,
    phone: true,
    prepare: (page) => page.getByRole("button", { name: "Send mine svar" }).waitFor(),
  },
  // 80–89: administration of centres, services, units and the security log.
  { name: "80-admin-unit-links", title: "Administration – dine enheder", path: "/administration", as: "leder@lyset.example" },
  {
    name: "81-admin-centre",
    title: "Rediger værestedets profil, åbningstider og aktiviteter",
    path: `/administration/vaerested/${seedId("centre:lyset")}`,
    as: "leder@lyset.example",
    phone: true,
    prepare: (page) => page.getByLabel("Fra (periode 1)").waitFor(),
  },
  {
    name: "82-admin-centre-overlap",
    title: "Åbningstider – overlappende periode vist ved rækken",
    path: `/administration/vaerested/${seedId("centre:lyset")}#aabningstider`,
    as: "leder@lyset.example",
    async prepare(page) {
      await page.getByRole("button", { name: "Tilføj periode" }).click();
      await page.getByLabel("Ugedag (periode 7)").selectOption({ label: "Torsdag" });
      await page.getByLabel("Fra (periode 7)").fill("14:00");
      await page.getByLabel("Til (periode 7)").fill("16:00");
      await page.getByRole("button", { name: "Gem åbningstider" }).click();
      await page.getByRole("heading", { name: "Åbningstiderne blev ikke gemt" }).waitFor();
    },
  },
  {
    name: "83-admin-service",
    title: "Rediger tilbud – optag, ventetid og svarfrist",
    path: `/administration/tilbud/${seedId("service:bostoette")}`,
    as: "orgadmin@fjordby.example",
    prepare: (page) => page.getByLabel(/Svarfrist i dage/).waitFor(),
  },
  {
    name: "84-admin-unit-members",
    title: "Medarbejdere og roller i en enhed",
    path: `/administration/enhed/${seedId("unit:lyset")}`,
    as: "leder@lyset.example",
    phone: true,
    prepare: (page) => page.getByRole("rowheader", { name: /Mette Medarbejder/ }).waitFor(),
  },
  {
    name: "85-admin-security-log",
    title: "Sikkerhedslog",
    path: "/administration/sikkerhedslog",
    as: "orgadmin@fjordby.example",
    prepare: (page) => page.getByRole("table", { name: /Hændelser/ }).waitFor(),
  },
  {
    name: "86-admin-taxonomy",
    title: "Målgrupper og tilbud (taksonomi)",
    path: "/administration/taksonomi",
    as: "admin@fjordby.example",
    phone: true,
    prepare: (page) => page.getByText("Kode SEX_WORKERS", { exact: false }).waitFor(),
  },
  {
    name: "87-admin-signposting",
    title: "Foreninger og klubber (kun til henvisning)",
    path: "/administration/henvisning",
    as: "admin@fjordby.example",
    prepare: (page) => page.getByText("Krolf for alle i Fjordby Krolfklub", { exact: true }).waitFor(),
  },
];


/** The demo survey's stable public token (prisma/seed-insights.ts). */
function demoSurveyToken(key: string): string {
  return createHash("sha256").update(`traedesten-demo-survey:${key}`).digest("base64url").slice(0, 22);
}

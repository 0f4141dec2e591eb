// J2 — centre staff bridge a citizen to a service, end to end in Danish: the wizard (anonymous
// and with consent), the receiving service's inbox, accepting with a first meeting, closing the
// loop with an outcome the sender sees, and the citizen withdrawing consent.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { graphql, runOk } from "../support/graphql.ts";
import { BROWSER_TEST_NOW, expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment, signOut } from "./support.ts";

const SEND_HANDOVER = graphql(`mutation Send($input: CreateHandoverInput!) {
  createHandover(input: $input) { __typename ... on CreateHandoverSuccess { data { code } } }
}`);

const CENTRE_STAFF = "medarbejder@lyset.example";
const CENTRE_ADMIN = "leder@lyset.example";
const SERVICE_WORKER = "bostoette@fjordby.example";
const CODE = /^[34679CDFGHJKMNPQRTVWX]{4}-[34679CDFGHJKMNPQRTVWX]{4}$/;

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Step 1 (needs first): what the citizen needs help with, in codes and in their own words. */
async function fillNeeds(page: Page, wish: string): Promise<void> {
  await page.getByRole("checkbox", { name: "Bolig" }).check();
  await page.getByLabel("Borgerens ønske med egne ord").fill(wish);
}

/** Step 2: Bostøtten among the services proposed for the needs. */
async function chooseBostotten(page: Page): Promise<void> {
  await page.getByRole("radio", { name: "Bostøtten Fjordby" }).check();
}

async function fillPurpose(page: Page): Promise<void> {
  await page.getByLabel("Formål").fill("Hjælp til at finde og beholde en bolig");
}

async function codeOnResultPage(page: Page): Promise<string> {
  const code = (await page.locator(".code-panel .handover-code__symbols").textContent())?.trim() ?? "";
  expect(code).toMatch(CODE);
  return code;
}

describe("J2: centre staff bridge a citizen to a service", () => {
  let env: BrowserEnvironment;
  let anonymousCode = "";
  let consentCode = "";

  beforeAll(async () => {
    env = await startBrowserEnvironment();
    // The page's own clock at the server's test time: the wizard refuses a meeting in the past by
    // the browser's clock, and the dates typed below lie a week after the demo's day.
    await env.page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
  });

  afterAll(async () => {
    await env?.close();
  });

  test("the centre sends an anonymous handover and one with consent; CPR numbers are refused at the field", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, CENTRE_STAFF);
    await page.goto(`${baseUrl}/overleveringer`);
    await heading(page, "Overleveringer");
    await page.getByText(/^Viser \d+ af \d+$/).waitFor();
    await expectNoAxeViolations(page, "inbox, centre, received");

    await page.getByRole("tab", { name: /Sendt/ }).click();
    await page.getByText(/^Viser \d+ af \d+$/).waitFor();
    await expectNoAxeViolations(page, "inbox, centre, sent");

    // Step 1 (needs first): what the citizen needs. A CPR number in their own words is refused
    // while it is typed (the server's own rule and words), and the step does not move on with it.
    await page.getByRole("link", { name: "Ny overlevering" }).first().click();
    await heading(page, "Ny overlevering");
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    await expectNoAxeViolations(page, "wizard step 1");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Vælg mindst ét område, borgeren ønsker hjælp til.").first().waitFor();
    await fillNeeds(page, "Borgeren sagde sit CPR-nummer 010190-1234 og vil gerne have en bolig");
    const wishField = page.getByLabel("Borgerens ønske med egne ord");
    await expect.poll(() => page.locator("#handover-wish-cpr").textContent()).toMatch(/CPR-nummer/);
    expect(await wishField.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "wizard step 1 with a CPR number");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    expect(await page.locator("#handover-wish-error").textContent()).toMatch(/CPR-nummer/);
    expect(await wishField.inputValue()).toContain("010190-1234");
    expect(await page.getByRole("checkbox", { name: "Bolig" }).isChecked()).toBe(true);

    await wishField.fill("Vil gerne have hjælp til at finde en bolig");
    await expect.poll(() => page.locator("#handover-wish-cpr").count()).toBe(0);
    await page.getByRole("button", { name: "Næste" }).click();

    // Step 2: the services that fit the needs, with their intake status and typical wait.
    await page.getByRole("heading", { name: "Trin 2 af 5: Forslag og modtager" }).waitFor();
    await page.getByRole("radio", { name: "Bostøtten Fjordby" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "wizard step 2");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Vælg, hvem overleveringen skal sendes til.").first().waitFor();
    await chooseBostotten(page);
    await page.getByText(/Tager imod nye · typisk ventetid 14 dage/).first().waitFor();
    await page.getByRole("button", { name: "Næste" }).click();

    // Step 3: the purpose and how to get in touch.
    await page.getByRole("heading", { name: "Trin 3 af 5: Formål og kontakt" }).waitFor();
    await fillPurpose(page);
    await page.getByRole("button", { name: "Næste" }).click();

    // Step 4: anonymous is the default and needs nothing.
    await page.getByRole("heading", { name: "Trin 4 af 5: Samtykke" }).waitFor();
    expect(await page.getByRole("radio", { name: "Anonym (anbefalet)" }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, "wizard step 4, anonymous");
    await page.getByRole("button", { name: "Næste" }).click();

    // Step 5: review and send.
    await page.getByRole("heading", { name: "Trin 5 af 5: Kontrollér og send" }).waitFor();
    await expectNoAxeViolations(page, "wizard step 5");
    await page.getByRole("button", { name: "Send overleveringen" }).click();
    await heading(page, "Overleveringen er sendt");
    anonymousCode = await codeOnResultPage(page);
    await page.getByRole("button", { name: "Print til borgeren" }).waitFor();
    await page.getByRole("button", { name: "Kopiér koden" }).waitFor();
    await page.getByText("Hvad sker der nu?").waitFor();
    await expectNoAxeViolations(page, "wizard result");

    // The second handover: with consent to share the first name.
    await page.getByRole("button", { name: "Opret en ny overlevering" }).click();
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    await fillNeeds(page, "Vil gerne tale med nogen om sin husleje");
    await page.getByRole("button", { name: "Næste" }).click();
    await chooseBostotten(page);
    await page.getByRole("button", { name: "Næste" }).click();
    await fillPurpose(page);
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("radio", { name: "Borgeren giver samtykke til at dele udvalgte oplysninger" }).check();
    await page.getByRole("checkbox", { name: "Fornavn eller kaldenavn" }).check();
    await page.getByLabel("Hvad må oplysningerne bruges til?").fill("kontakte dig om bostøtte");
    await page.getByRole("radio", { name: "Mundtligt" }).check();
    await page.getByLabel("Samtykket gælder til og med").fill("2026-12-25");
    const readBack = page.locator(".read-back__text");
    await expect
      .poll(() => readBack.textContent())
      .toBe(
        "Du giver lov til, at Bostøtten Fjordby får dit fornavn, så de kan kontakte dig om bostøtte. Det gælder indtil 25. december 2026. Du kan altid trække dit samtykke tilbage.",
      );
    // Only the consented field is offered for entry.
    expect(await page.getByLabel("Borgerens telefonnummer").count()).toBe(0);
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Læs teksten op for borgeren, og sæt flueben, når borgeren har sagt ja.").first().waitFor();
    await page.getByRole("checkbox", { name: "Jeg har læst teksten op, og borgeren har sagt ja" }).check();
    await page.getByRole("textbox", { name: "Borgerens fornavn eller kaldenavn" }).fill("Maja");
    await expectNoAxeViolations(page, "wizard step 4, consent and read-back");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("heading", { name: "Trin 5 af 5: Kontrollér og send" }).waitFor();
    await page.getByText("Deles med samtykke").waitFor();
    await page.getByRole("button", { name: "Send overleveringen" }).click();
    await heading(page, "Overleveringen er sendt");
    consentCode = await codeOnResultPage(page);
    expect(consentCode).not.toBe(anonymousCode);
  });

  test("the service sees both unread, accepts one with a first meeting and completes it", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, SERVICE_WORKER);
    await page.goto(`${baseUrl}/overleveringer`);
    await heading(page, "Overleveringer");
    await page.getByRole("tab", { name: /^Modtaget \d+ ulæste?$/, selected: true }).waitFor();
    const item = (code: string) => page.locator(".handover-list > li", { hasText: code });
    for (const code of [anonymousCode, consentCode]) {
      await item(code).waitFor();
      expect(await item(code).getAttribute("class")).toContain("handover-item--unread");
      await item(code).getByText("Ulæst", { exact: true }).waitFor();
    }
    await expectNoAxeViolations(page, "inbox, service, with unread");

    // Live: a handover sent while the inbox is open appears without reloading, and is announced politely.
    await page.getByText("Listen opdaterer sig selv, når der sker noget nyt.").waitFor();
    const staff = await env.app.as(seedId("user:centre-staff"));
    const created = await runOk(staff, SEND_HANDOVER, {
      input: { fromUnitId: seedId("unit:lyset"), toUnitId: seedId("unit:bostoette"), purpose: "Vil gerne tale om sin økonomi", helpCategories: ["ECONOMY"], send: true },
    });
    const liveCode = created.createHandover.__typename === "CreateHandoverSuccess" ? created.createHandover.data.code : "";
    expect(liveCode).toMatch(CODE);
    await page.getByRole("status").filter({ hasText: "Der er kommet en ny overlevering til Bostøtten Fjordby." }).waitFor();
    await item(liveCode).waitFor();

    // Filter by kind and by status.
    await page.getByLabel("Type").selectOption("WARM_INTRODUCTION");
    await expect.poll(() => item(anonymousCode).count()).toBe(0);
    await page.getByLabel("Type").selectOption("BRIDGE");
    await page.getByLabel("Status").selectOption("SENT");
    await item(anonymousCode).waitFor();
    await page.getByLabel("Status").selectOption("COMPLETED");
    await expect.poll(() => item(anonymousCode).count()).toBe(0);
    await page.getByRole("button", { name: "Nulstil filter" }).click();
    await item(anonymousCode).waitFor();

    // Open the anonymous one: opening marks it read and received.
    await page.getByRole("link", { name: new RegExp(anonymousCode) }).click();
    await heading(page, `Overlevering ${anonymousCode}`);
    await page.locator(".status-panel .badge", { hasText: "Modtaget" }).waitFor();
    await page.getByText("Anonym: Der er ikke delt personoplysninger.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "handover details, receiver");

    await page.getByRole("button", { name: "Acceptér" }).click();
    const acceptDialog = page.getByRole("dialog", { name: "Acceptér overleveringen" });
    await acceptDialog.waitFor();
    await expectNoAxeViolations(page, "accept dialog");
    await acceptDialog.getByLabel("Første møde: dato og klokkeslæt").fill("2026-12-01T10:00");
    await acceptDialog.getByLabel("Første møde: sted").fill("Værestedet Lyset, Samtalerummet");
    await acceptDialog.getByRole("button", { name: "Acceptér" }).click();
    await page.getByText("Overleveringen er accepteret. Afsenderen har fået besked.").waitFor();
    await page.locator(".status-panel .badge", { hasText: "Accepteret" }).waitFor();
    await page.getByText("1. dec. 2026 kl. 10:00, Værestedet Lyset, Samtalerummet").first().waitFor();

    // Later: the loop is closed with an outcome.
    await page.getByRole("button", { name: "Afslut" }).click();
    const completeDialog = page.getByRole("dialog", { name: "Afslut overleveringen" });
    await completeDialog.getByRole("radio", { name: "Kontakt etableret" }).check();
    await expectNoAxeViolations(page, "complete dialog");
    await completeDialog.getByRole("button", { name: "Afslut" }).click();
    await page.locator(".status-panel .badge", { hasText: "Afsluttet" }).waitFor();
    await page.locator(".outcome", { hasText: "Kontakt etableret" }).waitFor();
    await expectNoAxeViolations(page, "handover details, completed");

    // The one with consent: the first name is behind a reason, and the read is audited.
    await page.getByRole("link", { name: "Tilbage til overleveringer" }).click();
    await page.getByRole("link", { name: new RegExp(consentCode) }).click();
    await heading(page, `Overlevering ${consentCode}`);
    await page.getByText("Fornavn eller kaldenavn", { exact: true }).first().waitFor();
    expect(await page.getByText("Maja").count()).toBe(0);
    await page.getByRole("button", { name: "Vis personoplysninger" }).click();
    await page.getByText(/Dit opslag bliver logget med din begrundelse/).waitFor();
    await page.getByRole("button", { name: "Vis oplysningerne" }).click();
    await page.getByText(/Begrundelsen er påkrævet/).waitFor();
    await page.getByLabel("Hvorfor har du brug for oplysningerne nu?").fill("Skal ringe til borgeren om første møde");
    await page.getByRole("button", { name: "Vis oplysningerne" }).click();
    await page.locator(".personal-data dd", { hasText: "Maja" }).waitFor();
    await expectNoAxeViolations(page, "handover details, personal data shown");

    // The thread between the two units: a CPR number is refused at the field, a short message is
    // sent (the centre is told without its text), and reading the thread is logged.
    const thread = page.locator("section", { has: page.getByRole("heading", { name: "Samtale mellem enhederne" }) });
    await thread.getByText(/Kun jeres to enheder kan se dem/).waitFor();
    const messageField = thread.getByLabel("Ny besked");
    await messageField.fill("Hendes CPR-nummer er 010190-1234");
    await expect.poll(() => messageField.getAttribute("aria-invalid")).toBe("true");
    await thread.getByRole("button", { name: "Send besked" }).click();
    await thread.getByText(/CPR-nummer/).first().waitFor();
    const before = await env.app.prisma.handoverMessage.count();
    await messageField.fill("Vi ringer til Maja torsdag formiddag.");
    await thread.getByRole("button", { name: "Send besked" }).click();
    await thread.getByText("Beskeden er sendt.").waitFor();
    expect(await env.app.prisma.handoverMessage.count()).toBe(before + 1);
    expect(await messageField.inputValue()).toBe("");
    await thread.getByRole("button", { name: "Vis samtalen" }).click();
    await thread.locator(".handover-thread__text", { hasText: "Vi ringer til Maja torsdag formiddag." }).waitFor();
    await thread.getByText("Din læsning af samtalen er registreret i adgangsloggen.").waitFor();
    await expectNoAxeViolations(page, "handover details, thread with a message");
  });

  test("the centre sees the outcome on the timeline and records a withdrawal of consent", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, CENTRE_STAFF);
    await page.goto(`${baseUrl}/overleveringer?vis=sendt`);
    await heading(page, "Overleveringer");
    await page.getByRole("tab", { name: /Sendt/, selected: true }).waitFor();
    await page.getByRole("link", { name: new RegExp(anonymousCode) }).click();
    await heading(page, `Overlevering ${anonymousCode}`);
    await page.locator(".outcome", { hasText: "Kontakt etableret" }).waitFor();
    const timeline = page.locator(".timeline");
    for (const step of ["Oprettet", "Sendt", "Modtaget", "Accepteret", "Afsluttet"]) {
      await timeline.getByText(step, { exact: true }).waitFor();
    }
    await timeline.getByText("Bo Bostøtte, Bostøtten Fjordby").first().waitFor();
    await expectNoAxeViolations(page, "handover details, sender sees outcome");

    await page.getByRole("link", { name: "Tilbage til overleveringer" }).click();
    await page.getByRole("link", { name: new RegExp(consentCode) }).click();
    await heading(page, `Overlevering ${consentCode}`);
    // The centre reads the service's message in the thread and answers.
    const thread = page.locator("section", { has: page.getByRole("heading", { name: "Samtale mellem enhederne" }) });
    await thread.getByRole("button", { name: "Vis samtalen" }).click();
    await thread.locator(".handover-thread__message", { hasText: "Vi ringer til Maja torsdag formiddag." }).getByText("Bostøtten Fjordby").waitFor();
    await thread.getByLabel("Ny besked").fill("Tak. Hun kan bedst efter klokken ti.");
    await thread.getByRole("button", { name: "Send besked" }).click();
    await thread.locator(".handover-thread__message--own", { hasText: "Tak. Hun kan bedst efter klokken ti." }).waitFor();
    await expectNoAxeViolations(page, "handover details, sender answers in the thread");
    await page.getByRole("button", { name: "Borgeren trækker samtykke tilbage" }).click();
    const withdrawDialog = page.getByRole("dialog", { name: "Borgeren trækker sit samtykke tilbage" });
    await withdrawDialog.getByText(/slettes med det samme/).waitFor();
    await expectNoAxeViolations(page, "withdraw consent dialog");
    await withdrawDialog.getByRole("button", { name: "Bekræft: træk samtykket tilbage" }).click();
    await page.locator(".status-panel .badge", { hasText: "Samtykke trukket tilbage" }).waitFor();
    await page.getByText("Trukket tilbage", { exact: true }).waitFor();
    await timeline.getByText("Samtykke trukket tilbage", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Vis personoplysninger" }).count()).toBe(0);
    await expectNoAxeViolations(page, "handover details, consent withdrawn");
    // Purged with the personal data: the messages are blanked and no more can be written.
    await page.reload();
    await heading(page, `Overlevering ${consentCode}`);
    await thread.getByRole("button", { name: "Vis samtalen" }).click();
    await expect.poll(() => thread.getByText("Beskeden er slettet sammen med personoplysningerne.").count()).toBe(2);
    expect(await thread.getByText("Vi ringer til Maja").count()).toBe(0);
    expect(await thread.getByLabel("Ny besked").count()).toBe(0);
  });

  test("the centre's leader reads the access log", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, CENTRE_ADMIN);
    await page.goto(`${baseUrl}/overleveringer`);
    await page.getByRole("link", { name: "Adgangslog" }).click();
    await heading(page, "Adgangslog");
    // Both units also read the thread (logged too); the clock stands still in the browser tests,
    // so rows of one handover share their time: pick the service's reads by name, not position.
    const rows = page.locator(".audit-table tbody tr").filter({ hasText: consentCode }).filter({ hasText: "Bo Bostøtte" });
    await rows.first().waitFor();
    // The consent was withdrawn in the previous step: the reads stay logged (who, when, which
    // handover), but their reasons, free text about the citizen, are purged with the personal data.
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).not.toContain("Skal ringe til borgeren om første møde");
    await expectNoAxeViolations(page, "access log");
  });

  test("J1: a caseworker sends a warm introduction to the centre chosen on its page", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, "sagsbehandler@fjordby.example");
    await page.goto(`${baseUrl}/overleveringer/ny?til=${seedId("unit:lyset")}&type=WARM_INTRODUCTION`);
    await heading(page, "Ny varm introduktion");
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    await page.getByRole("checkbox", { name: "Fællesskab" }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    // The centre chosen on its page is the recipient: no proposals, no open request, only centres.
    await expect.poll(() => page.getByRole("radio", { name: "Værestedet Lyset" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "Bostøtten Fjordby" }).count()).toBe(0);
    expect(await page.getByRole("radio", { name: "Forslag ud fra borgerens behov" }).count()).toBe(0);
    await expectNoAxeViolations(page, "warm introduction, step 2");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByLabel("Formål").fill("Er ensom og vil gerne prøve et fællesskab");
    await page.getByLabel("Dato og klokkeslæt").fill("2026-12-03T12:00");
    await page.getByLabel("Sted", { exact: true }).fill("Værestedet Lyset, til frokost");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByText("Varm introduktion", { exact: true }).waitFor();
    await page.getByText("3. dec. 2026 kl. 12:00, Værestedet Lyset, til frokost").waitFor();
    await page.getByRole("button", { name: "Send overleveringen" }).click();
    await heading(page, "Overleveringen er sendt");
    await codeOnResultPage(page);
    await expectNoAxeViolations(page, "warm introduction, result");
  });

  test("phone: the inbox and the wizard work at 375 × 812", async () => {
    const { page, baseUrl } = env;
    await page.setViewportSize({ width: 375, height: 812 });
    await signOut(page);
    await signIn(page, baseUrl, CENTRE_STAFF);
    const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    await page.goto(`${baseUrl}/overleveringer?vis=sendt`);
    await heading(page, "Overleveringer");
    await page.locator(".handover-list > li", { hasText: anonymousCode }).waitFor();
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: inbox");

    // The handover page with its thread at phone width.
    await page.getByRole("link", { name: new RegExp(anonymousCode) }).click();
    await heading(page, `Overlevering ${anonymousCode}`);
    const thread = page.locator("section", { has: page.getByRole("heading", { name: "Samtale mellem enhederne" }) });
    await thread.getByLabel("Ny besked").fill("Borgeren kom godt i gang. Tak for hjælpen.");
    await thread.getByRole("button", { name: "Send besked" }).click();
    await thread.getByText("Beskeden er sendt.").waitFor();
    await thread.getByRole("button", { name: "Vis samtalen" }).click();
    await thread.locator(".handover-thread__text", { hasText: "Borgeren kom godt i gang." }).waitFor();
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: handover thread");
    await page.goto(`${baseUrl}/overleveringer?vis=sendt`);
    await heading(page, "Overleveringer");

    await page.getByRole("link", { name: "Ny overlevering" }).first().click();
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    await fillNeeds(page, "Vil gerne have hjælp til at finde en bolig");
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: wizard step 1");
    await page.getByRole("button", { name: "Næste" }).click();
    await chooseBostotten(page);
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: wizard step 2");
    await page.getByRole("button", { name: "Næste" }).click();
    await fillPurpose(page);
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("radio", { name: "Borgeren giver samtykke til at dele udvalgte oplysninger" }).check();
    await page.getByRole("checkbox", { name: "Telefonnummer" }).check();
    await page.getByLabel("Hvad må oplysningerne bruges til?").fill("ringe til dig om et møde");
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: wizard step 4");
    await page.getByRole("radio", { name: "Anonym (anbefalet)" }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("heading", { name: "Trin 5 af 5: Kontrollér og send" }).waitFor();
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: wizard step 5");
    await page.getByRole("button", { name: "Send overleveringen" }).click();
    await heading(page, "Overleveringen er sendt");
    await codeOnResultPage(page);
    expect(await fitsWidth()).toBe(true);
    await expectNoAxeViolations(page, "phone: wizard result");
  });
});

// J3 — a service books time at centres, end to end in Danish: a weekly series at Værestedet Lyset
// that collides with another booking on one date (shown per date, then only the free dates
// booked), a single visit at a centre that does not trust the service (a request), the centre
// approving and declining requests, and the confirmed visit in the centre's "this week".
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment, signOut, BROWSER_TEST_NOW } from "./support.ts";

const JOB_COUNSELLOR = "jobkonsulent@fjordby.example";
const SERVICE_WORKER = "bostoette@fjordby.example";
const CENTRE_ADMIN = "leder@lyset.example";
const LYSET_ID = seedId("centre:lyset");
const NEW_REQUEST_TITLE = "Bostøtten: spørg om bolig og breve";

async function openVisits(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/besoeg`);
  await page.getByRole("heading", { level: 1, name: "Besøg på værestederne" }).waitFor();
}

async function chooseCentre(page: Page, name: string): Promise<void> {
  const select = page.getByLabel("Værested", { exact: true });
  await expect.poll(() => select.locator("option", { hasText: name }).count(), { timeout: 15_000 }).toBe(1);
  await select.selectOption({ label: name });
  await page.getByRole("heading", { name: `Ugen på ${name}` }).waitFor();
  await page.locator("table.week-calendar__table").waitFor();
}

describe("J3: a service books time slots at centres", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment();
    // The page's own clock at the server's test time: "today", "this week" and "not in the past"
    // are decided in the browser too, and the demo data is dated around that day.
    await env.page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
  });

  afterAll(async () => {
    await env?.close();
  });

  test("the job counsellor books a weekly series; the taken date is named, and only the free dates are booked", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, JOB_COUNSELLOR);
    await openVisits(page, baseUrl);
    await page.getByRole("heading", { name: "Vælg værested" }).waitFor();
    await expectNoAxeViolations(page, "visits, service, choose centre");

    await chooseCentre(page, "Værestedet Lyset");
    // The seeded series shows in this week's calendar.
    await expect.poll(() => page.locator("table.week-calendar__table").getByText("Spørg jobkonsulenten – ingen tidsbestilling").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "visits, service, centre week");

    const form = page.locator("form[aria-labelledby='booking-heading']");
    await form.getByLabel("Lokale").selectOption({ label: "Samtalerummet" });
    await form.getByRole("radio", { name: "Hver uge (fast forløb)" }).check();
    await form.getByLabel("Første dato").fill("2026-11-30");
    await form.getByLabel("Fra kl.").fill("13:00");
    await form.getByLabel("Til kl.").fill("14:00");
    await form.getByLabel("Antal uger", { exact: true }).fill("4");
    await form.getByLabel("Offentlig titel").fill("Spørg jobkonsulenten – ingen tidsbestilling");
    await form.getByLabel(/Offentlig beskrivelse/).fill("Kom forbi med spørgsmål om job, uddannelse eller praktik.");
    await form.getByLabel(/Intern note/).fill("Vi tager selv kaffe med.");
    await form.getByRole("button", { name: "Book forløbet" }).click();

    const conflict = page.getByRole("status").filter({ hasText: "1 af datoerne kan ikke bookes" });
    await conflict.waitFor();
    await expect.poll(() => conflict.getByRole("listitem").count(), { timeout: 15_000 }).toBe(1);
    const item = await conflict.getByRole("listitem").textContent();
    expect(item).toContain("mandag 30. november");
    expect(item).toContain("Bostøtten er på besøg");
    expect(item).toContain("Bostøtten Fjordby");
    await expectNoAxeViolations(page, "visits, series conflict");

    await conflict.getByRole("button", { name: "Book kun de ledige datoer" }).click();
    await page.getByText("3 gange er booket.").waitFor();
    await page.getByText("De er bekræftet.").waitFor();
    await page.getByText("Disse datoer blev ikke booket").waitFor();

    // The bookings list shows the new occurrences, confirmed at once (the service is trusted at Lyset).
    const myBookings = page.locator("section[aria-labelledby='my-bookings-heading']");
    await myBookings.getByRole("button", { name: "Aflys Spørg jobkonsulenten – ingen tidsbestilling mandag 7. december" }).waitFor();
    await expectNoAxeViolations(page, "visits, series booked");

    // Cancel one occurrence: a reason is required.
    await myBookings.getByRole("button", { name: "Aflys Spørg jobkonsulenten – ingen tidsbestilling mandag 14. december" }).click();
    const dialog = page.getByRole("dialog", { name: "Aflys besøg" });
    await dialog.waitFor();
    await dialog.getByRole("radio", { name: "Kun denne dato" }).check();
    await dialog.getByRole("button", { name: "Aflys" }).click();
    await dialog.getByText("Skriv en begrundelse.").first().waitFor();
    await expectNoAxeViolations(page, "visits, cancel dialog");
    await dialog.getByLabel("Begrundelse for aflysningen").fill("Jobkonsulenten er på kursus den dag.");
    await dialog.getByRole("button", { name: "Aflys" }).click();
    await page.getByText("»Spørg jobkonsulenten – ingen tidsbestilling« mandag 14. december er aflyst.").waitFor();
  });

  test("a single visit at a centre that does not trust the service becomes a request", async () => {
    const { page, baseUrl } = env;
    await openVisits(page, baseUrl);
    await chooseCentre(page, "Værestedet Havnen");
    const form = page.locator("form[aria-labelledby='booking-heading']");
    await form.getByLabel("Lokale").selectOption({ label: "Det lille kontor" });
    await form.getByLabel("Dato", { exact: true }).fill("2026-12-01");
    await form.getByLabel("Fra kl.").fill("12:00");
    await form.getByLabel("Til kl.").fill("13:30");
    await form.getByLabel("Offentlig titel").fill("Spørg jobkonsulenten på Havnen");
    await form.getByRole("button", { name: "Book tiden" }).click();
    await page.getByText("Tiden tirsdag 1. december er sendt til værestedet, som skal godkende den.", { exact: false }).waitFor();

    const myBookings = page.locator("section[aria-labelledby='my-bookings-heading']");
    const booking = myBookings.getByRole("listitem").filter({ hasText: "Spørg jobkonsulenten på Havnen" });
    await booking.getByText("Afventer godkendelse").waitFor();
    await expectNoAxeViolations(page, "visits, single request");
    await signOut(page);
  });

  test("the centre admin confirms one request and declines another; the confirmed visit shows in the week", async () => {
    const { page, baseUrl } = env;
    // Bostøtten is not trusted at Lyset, so its booking for today waits for the centre.
    await signIn(page, baseUrl, SERVICE_WORKER);
    await openVisits(page, baseUrl);
    await chooseCentre(page, "Værestedet Lyset");
    const form = page.locator("form[aria-labelledby='booking-heading']");
    await form.getByLabel("Lokale").selectOption({ label: "Samtalerummet" });
    await form.getByLabel("Dato", { exact: true }).fill("2026-11-26");
    await form.getByLabel("Fra kl.").fill("11:00");
    await form.getByLabel("Til kl.").fill("12:00");
    await form.getByLabel("Offentlig titel").fill(NEW_REQUEST_TITLE);
    await form.getByRole("button", { name: "Book tiden" }).click();
    await page.getByText("er sendt til værestedet, som skal godkende den.", { exact: false }).waitFor();
    await signOut(page);

    await signIn(page, baseUrl, CENTRE_ADMIN);
    await openVisits(page, baseUrl);
    await page.getByRole("heading", { name: "Anmodninger, der venter på svar" }).waitFor();
    await page.getByRole("button", { name: `Godkend ${NEW_REQUEST_TITLE} torsdag 26. november` }).waitFor();
    await expectNoAxeViolations(page, "visits, centre requests");

    await page.getByRole("button", { name: `Godkend ${NEW_REQUEST_TITLE} torsdag 26. november` }).click();
    await page.getByText(`»${NEW_REQUEST_TITLE}« torsdag 26. november er godkendt.`).waitFor();

    await page.getByRole("button", { name: "Afvis Bostøtten er på besøg mandag 30. november" }).click();
    const dialog = page.getByRole("dialog", { name: "Afvis anmodning" });
    await dialog.getByLabel("Begrundelse for afvisningen").fill("Samtalerummet bruges af jobkonsulenten den dag. Prøv tirsdag.");
    await expectNoAxeViolations(page, "visits, decline dialog");
    await dialog.getByRole("button", { name: "Afvis" }).click();
    await page.getByText("»Bostøtten er på besøg« mandag 30. november er afvist.").waitFor();
    await page.getByRole("heading", { name: "Ingen anmodninger venter" }).waitFor();

    // The week tab shows the confirmed visit in the calendar.
    await page.getByRole("tab", { name: "Ugens kalender" }).click();
    const calendar = page.locator("table.week-calendar__table");
    await calendar.waitFor();
    const cell = calendar.getByRole("listitem").filter({ hasText: NEW_REQUEST_TITLE });
    await cell.getByText("Bekræftet").waitFor();
    await expectNoAxeViolations(page, "visits, centre week");

    await page.getByRole("tab", { name: "Opsætning" }).click();
    await page.getByRole("heading", { name: "Lokaler" }).waitFor();
    await page.getByRole("heading", { name: "Åbent for besøg" }).waitFor();
    await expectNoAxeViolations(page, "visits, centre setup");

    await page.getByRole("tab", { name: "Kalenderabonnement" }).click();
    await page.getByText(`/calendar/centre/${LYSET_ID}.ics`).waitFor();
    await page.getByRole("button", { name: "Opret privat kalenderlink" }).click();
    await page.getByText("Linket vises kun denne ene gang.").waitFor();
    await page.locator(".feed-url").filter({ hasText: "/calendar/unit/" }).waitFor();
    await expectNoAxeViolations(page, "visits, calendar feeds");
  });

  test("the centre page's 'this week' shows the confirmed visit", async () => {
    const { page, baseUrl } = env;
    // The public answer behind every "this week at the centre" view.
    const week = await page.evaluate(async (centreId) => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
        body: JSON.stringify({ query: "query($id: ID!) { thisWeekAtCentre(centreId: $id) { title status } }", variables: { id: centreId } }),
      });
      return ((await response.json()) as { data: { thisWeekAtCentre: { title: string; status: string }[] } }).data.thisWeekAtCentre;
    }, LYSET_ID);
    expect(week).toContainEqual({ title: NEW_REQUEST_TITLE, status: "CONFIRMED" });

    await page.goto(`${baseUrl}/vaerested/${LYSET_ID}`);
    const thisWeek = page.locator("section[aria-labelledby='this-week-title']");
    await thisWeek.getByRole("heading", { name: "Denne uge på værestedet" }).waitFor({ timeout: 30_000 });
    await thisWeek.getByText(NEW_REQUEST_TITLE).waitFor();
    await expectNoAxeViolations(page, "centre page, this week");
  });

  test("phone width: the visits screens work at 375 px", async () => {
    const { page, baseUrl } = env;
    await page.setViewportSize({ width: 375, height: 812 });
    await openVisits(page, baseUrl);
    await page.getByRole("heading", { name: "Anmodninger, der venter på svar" }).waitFor();
    await expectNoAxeViolations(page, "visits, centre, phone");
    await signOut(page);
    await signIn(page, baseUrl, JOB_COUNSELLOR);
    await openVisits(page, baseUrl);
    await chooseCentre(page, "Værestedet Lyset");
    await expectNoAxeViolations(page, "visits, service, phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

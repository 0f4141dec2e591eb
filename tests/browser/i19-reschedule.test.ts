// Issue 19 on a phone (375 px), in Danish: the housing-support worker sees the history of a visit
// that was moved, a request that expired without an answer, is told which visit is in the way
// when moving a visit onto a taken time, and then moves it; the visit waits for the centre again.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { BROWSER_TEST_NOW, expectNoAxeViolations, expectNoHorizontalOverflow, signIn, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const SERVICE_WORKER = "bostoette@fjordby.example";

describe("issue 19: moving a visit on a phone", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
    await env.page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
  }, 180_000);

  afterAll(async () => {
    await env?.close();
  });

  test("history, expiry, a named conflict and a move that keeps the visit", { timeout: 180_000 }, async () => {
    const { page, baseUrl, app } = env;
    await signIn(page, baseUrl, SERVICE_WORKER);
    await page.goto(`${baseUrl}/besoeg`);
    const mine = page.locator("section[aria-labelledby='my-bookings-heading']");
    await mine.getByRole("heading", { name: /Jeres bookinger/ }).waitFor();

    // Thursday's visit was moved from Tuesday: its history says so, with the reason.
    const thursday = mine.locator("li", { has: page.getByRole("heading", { name: /Bostøtten er på besøg/ }) }).filter({ hasText: "torsdag" }).first();
    await thursday.getByText("Historik").click();
    await thursday.getByText("Flyttet", { exact: true }).waitFor();
    await thursday.getByText(/Vi har personalemøde tirsdag/).waitFor();
    await expectNoAxeViolations(page, "visits, history, phone");
    await expectNoHorizontalOverflow(page, "visits, history, phone");

    // The old request nobody answered is among the closed ones, as expired.
    await mine.getByText(/Afviste, aflyste og udløbne/).click();
    await mine.getByText("Udløbet uden svar").first().waitFor();

    // Moving onto Monday 13:00, where the service's own request already is: the visit in the way is named.
    await thursday.getByRole("button", { name: /^Flyt Bostøtten er på besøg/ }).click();
    const dialog = page.getByRole("dialog", { name: "Flyt besøg" });
    await dialog.waitFor();
    await expectNoAxeViolations(page, "visits, reschedule dialog, phone");
    await dialog.getByLabel("Ny dato").fill("2026-11-30");
    await dialog.getByLabel("Starttid").fill("13:30");
    await dialog.getByLabel("Sluttid").fill("14:30");
    await dialog.getByRole("button", { name: "Flyt besøget" }).click();
    await dialog.getByText(/Tidspunktet er optaget af »Bostøtten er på besøg« \(Bostøtten Fjordby\) mandag 30\. november/).waitFor();
    await expectNoAxeViolations(page, "visits, reschedule conflict, phone");

    // Wednesday 2 December 13:00–14:00 is free: the visit moves and waits for the centre again.
    await dialog.getByLabel("Ny dato").fill("2026-12-02");
    await dialog.getByLabel("Starttid").fill("13:00");
    await dialog.getByLabel("Sluttid").fill("14:00");
    await dialog.getByLabel(/Begrundelse/).fill("Konsulenten er på kursus torsdag.");
    await dialog.getByRole("button", { name: "Flyt besøget" }).click();
    await page.getByText(/»Bostøtten er på besøg« er flyttet til onsdag 2\. december/).waitFor();
    await expectNoAxeViolations(page, "visits, rescheduled, phone");
    await expectNoHorizontalOverflow(page, "visits, rescheduled, phone");

    const visit = await app.prisma.visit.findUniqueOrThrow({ where: { id: seedId("visit:lyset-housing") } });
    expect(visit.status).toBe("REQUESTED");
    expect(visit.sequence).toBe(4);
    expect(visit.startsAt.toISOString()).toBe("2026-12-02T12:00:00.000Z");
  });
});

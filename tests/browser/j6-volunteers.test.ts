// J6 — a volunteer takes a shift, on a phone (375 px wide), in Danish: the demo volunteer signs
// in, lands on "Mine vagter", sees the Thursday evening at Lyset that lacks a key holder, takes
// it as key holder, and the gap is gone from the coordinator's overview.
// Today's date, at a fixed morning hour: the session cookie carries a lifetime (max-age), so the
// browser's clock need not match the server's; the gap's date is read from the seeded rota.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatDayAndDate, formatTimeRange } from "../../client/src/i18n/format.ts";
import { seedId } from "../../prisma/seed.ts";
import { expectNoAxeViolations, signIn, signOut, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const VOLUNTEER = "frivillig@lyset.example";
const COORDINATOR = "koordinator@fjordby.example";
const CENTRE_ADMIN = "leder@lyset.example";

describe("J6: a volunteer takes a shift on a phone", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    // Today's date, at 09:00 in Copenhagen: the demo rota is seeded around "now", and after the
    // evening shifts have begun (17:00) the seeded gaps differ, so the time of day is fixed.
    const morning = new Date();
    morning.setUTCHours(8, 0, 0, 0);
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 }, now: morning });
    // Seeding the demo municipality is slow while other test runs share the machine.
  }, 300_000);

  afterAll(async () => {
    await env?.close();
  });

  test("the volunteer takes the Thursday evening as key holder, and the gap leaves the coordinator's overview", async () => {
    const { page, baseUrl, app } = env;
    const seededGap = await app.prisma.shift.findFirstOrThrow({ where: { centreId: seedId("centre:lyset"), mayBeCancelled: true } });
    const day = formatDayAndDate(seededGap.startsAt, "da");
    const when = `${day}, ${formatTimeRange(seededGap.startsAt, seededGap.endsAt, "da")}`;
    await signIn(page, baseUrl, VOLUNTEER);
    // A volunteer's start page is their shifts.
    await page.waitForURL((url) => url.pathname === "/vagter");
    await page.getByRole("heading", { level: 1, name: "Mine vagter" }).waitFor();
    await page.getByRole("heading", { name: "Ledige vagter de næste fire uger" }).waitFor();
    // Nothing of the staff side is offered to a volunteer.
    await expect.poll(() => page.getByRole("link", { name: "Overleveringer" }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "volunteer, my shifts (phone)");

    // A Thursday evening 17:00–21:00 at Lyset has no key holder and may be cancelled.
    expect(when).toMatch(/^torsdag .*, 17:00–21:00$/);
    const gap = page.locator("section[aria-labelledby='open-shifts-heading'] li.shift-card").filter({ hasText: day });
    await expect.poll(() => gap.getByText("Mangler nøglebærer").count()).toBe(1);
    await expect.poll(() => gap.getByText("Kan blive aflyst, hvis ingen nøglebærer melder sig").count()).toBe(1);
    await gap.getByRole("button", { name: `Tag som nøglebærer: ${when}` }).click();

    await page.getByRole("status").filter({ hasText: `Du har taget vagten ${when}.` }).waitFor();
    const mine = page.locator("section[aria-labelledby='my-shifts-heading'] li.shift-card").filter({ hasText: day });
    await expect.poll(() => mine.getByText("Frida Frivillig (nøglebærer)").count()).toBe(1);
    await expect.poll(() => mine.getByText("Mangler nøglebærer").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "volunteer, shift taken (phone)");

    await signOut(page);
    await signIn(page, baseUrl, COORDINATOR);
    await page.goto(`${baseUrl}/overblik`);
    await page.getByRole("heading", { name: "Åben, men mangler nøglebærer" }).waitFor();
    await page.getByText("Ingen huller: alle perioder med frivillige har en nøglebærer.").waitFor();
    await expectNoAxeViolations(page, "coordinator, rota gaps (phone)");
  });

  test("the centre's admin chooses how many days ahead volunteers are reminded of a shift without a key holder", async () => {
    const { page, baseUrl, app } = env;
    await signOut(page);
    await signIn(page, baseUrl, CENTRE_ADMIN);
    await page.goto(`${baseUrl}/vagter/vaersted/${seedId("centre:lyset")}`);
    await page.getByRole("heading", { name: "Påmindelse om vagter uden nøglebærer" }).waitFor();
    const days = page.getByLabel("Antal dage før vagten (0 = ingen påmindelse)");
    await expect.poll(() => days.inputValue()).toBe("3");
    await days.fill("31");
    await page.getByRole("button", { name: "Gem påmindelse" }).click();
    // The field itself refuses more than 30 days before anything is sent.
    expect(await days.evaluate((input) => (input as HTMLInputElement).validity.rangeOverflow)).toBe(true);
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: seedId("centre:lyset") } })).rotaGapReminderDays).toBe(3);
    await days.fill("5");
    await page.getByRole("button", { name: "Gem påmindelse" }).click();
    await page.getByText("Påmindelsen er gemt.").waitFor();
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: seedId("centre:lyset") } })).rotaGapReminderDays).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "centre admin, rota reminder (phone)");
  });
});

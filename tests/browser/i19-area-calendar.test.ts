// Issue 19 on a phone (375 px), in Danish, with axe on every screen: the public area calendar shows
// this week's meals and visiting services across the centres, filters and switches to one day, and
// offers its iCal link; the housing-support worker answers a centre's wish with a proposal; the
// centre's leader sees the visit that falls on Christmas Eve among the collisions.
import { describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { expectNoAxeViolations, expectNoHorizontalOverflow, phoneBrowserForFile, signIn, signOut } from "./support.ts";

describe("issue 19: the area calendar, wishes and collisions on a phone", () => {
  const browser = phoneBrowserForFile();

  test("the area calendar: this week's meals and visiting services, filters, one day, the iCal link", { timeout: 180_000 }, async () => {
    const { page, baseUrl } = browser.env;
    await page.goto(`${baseUrl}/kalender`);
    await page.getByRole("heading", { level: 1, name: "Kalender for området" }).waitFor();
    const results = page.locator("section.calendar");
    await results.getByRole("heading", { name: /^Uge 48/ }).waitFor();
    // Thursday's shared meal at Lyset and the job counsellor answering Kompasset's wish on Wednesday.
    const meal = results.locator("li.calendar__entry", { hasText: "Fællesspisning" }).filter({ hasText: "Værestedet Lyset" });
    await meal.first().waitFor();
    expect(await meal.first().textContent()).toContain("Måltid");
    const visit = results.locator("li.calendar__entry", { hasText: "Jobsnak for unge" });
    await visit.first().waitFor();
    expect(await visit.first().textContent()).toContain("Ungestedet Kompasset");
    expect(await visit.first().textContent()).toMatch(/har også åbent: man–tor 09:00–10:00, 10:00–15:00; fre 09:00–10:00/);
    await expectNoAxeViolations(page, "area calendar, week, phone");
    await expectNoHorizontalOverflow(page, "area calendar, week, phone");

    // Only visiting services, for young adults.
    await page.getByLabel("Måltider").uncheck();
    await page.getByLabel("Aktiviteter").uncheck();
    await page.getByLabel("Målgruppe").selectOption("YOUNG_ADULTS");
    await page.waitForURL(/maalgruppe=YOUNG_ADULTS/);
    await results.locator("li.calendar__entry", { hasText: "Jobsnak for unge" }).first().waitFor();
    await expect.poll(() => results.locator("li.calendar__entry", { hasText: "Fællesspisning" }).count()).toBe(0);
    const feedUrl = await page.getByLabel("Kalenderlink (iCal)").inputValue();
    expect(feedUrl).toContain("/calendar/area.ics?");
    expect(feedUrl).toContain("kind=VISIT");
    expect(feedUrl).toContain("targetGroup=YOUNG_ADULTS");
    const feed = await browser.env.app.anonymous.fetch(new URL(feedUrl).pathname + new URL(feedUrl).search);
    expect(await feed.text()).toContain("Jobsnak for unge");

    // One day: Thursday 26 November, all kinds again, every target group.
    await page.getByLabel("Målgruppe").selectOption("");
    await page.getByLabel("Måltider").check();
    await page.getByLabel("Aktiviteter").check();
    await page.getByLabel("Dag", { exact: true }).check();
    await results.getByRole("heading", { name: "Torsdag 26. november" }).waitFor();
    await results.locator("li.calendar__entry", { hasText: "Fællesspisning" }).first().waitFor();
    await expectNoAxeViolations(page, "area calendar, day, phone");
    await expectNoHorizontalOverflow(page, "area calendar, day, phone");
  });

  test("a service answers a centre's wish with a proposal", { timeout: 180_000 }, async () => {
    const { page, baseUrl, app } = browser.env;
    await signIn(page, baseUrl, "bostoette@fjordby.example");
    await page.goto(`${baseUrl}/besoeg`);
    const wishes = page.locator("section[aria-labelledby='service-wishes-heading']");
    await wishes.getByRole("heading", { name: "Ønsker fra værestederne" }).waitFor();
    const wish = wishes.locator("li", { hasText: "Værestedet Havnen" }).first();
    await wish.getByText(/Bostøtte til brugere uden fast bolig/).waitFor();
    await expectNoAxeViolations(page, "service wishes, phone");
    await wish.getByRole("button", { name: /Svar med et forslag/ }).click();
    const form = wish.locator("form.answer-form");
    await form.getByLabel("Lokale").selectOption({ label: "Det lille kontor" });
    await form.getByLabel("Dato (første gang)").fill("2026-12-03");
    await expectNoAxeViolations(page, "answer a wish, phone");
    await expectNoHorizontalOverflow(page, "answer a wish, phone");
    await form.getByRole("button", { name: "Send forslaget" }).click();
    await wish.getByText(/1 forslag|Afventer godkendelse/).first().waitFor();
    const answers = await app.prisma.visit.findMany({ where: { wishId: seedId("visit-wish:havnen-housing") } });
    expect(answers).toHaveLength(1);
    expect(answers[0]!.status).toBe("REQUESTED");
    expect(answers[0]!.startsAt.toISOString()).toBe("2026-12-03T11:00:00.000Z");
    await signOut(page);
  });

  test("the centre sees a visit on Christmas Eve among its collisions", { timeout: 180_000 }, async () => {
    const { page, baseUrl } = browser.env;
    await signIn(page, baseUrl, "leder@lyset.example");
    await page.goto(`${baseUrl}/besoeg`);
    const collisions = page.locator("section[aria-labelledby='collisions-heading']");
    await collisions.getByRole("heading", { name: "Besøg på lukkedage" }).waitFor();
    await collisions.getByText("Bostøtten har træffetid").first().waitFor();
    await collisions.getByText(/Juleaftensdag/).first().waitFor();
    await expectNoAxeViolations(page, "centre collisions, phone");
    await expectNoHorizontalOverflow(page, "centre collisions, phone");
    await signOut(page);
  });
});

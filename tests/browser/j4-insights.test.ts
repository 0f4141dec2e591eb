// J4 — a coordinator steers the area, end to end in Danish: the week × hour coverage with its
// gaps in words, figures per centre with small counts shown as "<5", the CSV for Excel; and the
// anonymous user survey answered on a phone, counted for the centre's manager.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment, signOut, BROWSER_TEST_NOW } from "./support.ts";

const COORDINATOR = "koordinator@fjordby.example";
const CENTRE_ADMIN = "leder@lyset.example";

async function openLysetFigures(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/overblik`);
  await page.getByRole("link", { name: "Tal og brugerundersøgelse for Værestedet Lyset" }).click();
  await page.getByRole("heading", { level: 1, name: "Tal for Værestedet Lyset" }).waitFor();
  await page.getByRole("heading", { name: "Brugerundersøgelse 2026" }).waitFor();
}

async function responseCount(page: Page): Promise<string> {
  const card = page.locator(".survey-card").filter({ has: page.getByRole("heading", { name: "Brugerundersøgelse 2026" }) });
  return ((await card.getByTestId("response-count").textContent()) ?? "").trim();
}

describe("J4: a coordinator steers the area", () => {
  let env: BrowserEnvironment;
  let surveyPath = "";

  beforeAll(async () => {
    env = await startBrowserEnvironment();
    // The page's own clock at the server's test time: "today", "this week" and "not in the past"
    // are decided in the browser too, and the demo data is dated around that day.
    await env.page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
  });

  afterAll(async () => {
    await env?.close();
  });

  test("the coordinator sees the coverage heatmap with its gaps, and the figures with suppressed counts", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, COORDINATOR);
    await page.goto(`${baseUrl}/overblik`);
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();

    const heatmap = page.locator("table.heatmap");
    await heatmap.waitFor();
    await page.getByText("Antal åbne væresteder for Psykisk sårbarhed", { exact: false }).waitFor();
    expect(await heatmap.locator("tbody tr").count()).toBe(7);
    expect(await heatmap.locator("tbody tr").first().locator("td").count()).toBe(24);
    await page.getByRole("heading", { name: "Huller i ugen" }).waitFor();
    await page.getByText("Ingen åbne væresteder for målgruppen i disse tidsrum:").waitFor();
    const gaps = await page.locator(".coverage-gaps li").allTextContents();
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.join(" ")).toMatch(/(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d\d–\d\d/);

    // Another target group redraws the picture.
    await page.getByLabel("Målgruppe", { exact: true }).selectOption({ label: "Misbrug og rusmidler" });
    await page.getByText("Antal åbne væresteder for Misbrug", { exact: false }).waitFor();

    const figures = page.locator("table.figures-table");
    await figures.waitFor();
    await figures.getByRole("rowheader", { name: "Værestedet Lyset" }).waitFor();
    await figures.getByRole("rowheader", { name: "I alt" }).waitFor();
    await expect.poll(() => figures.locator("td", { hasText: "<5" }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByText("Hvad betyder tallene?").click();
    await page.getByText("Besøgende", { exact: true }).first().waitFor();
    await page.getByRole("heading", { name: "Besøgende pr. værested" }).waitFor();
    await expectNoAxeViolations(page, "overview, coordinator");
  });

  test("the coordinator downloads the figures as CSV for Excel", async () => {
    const { page } = env;
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Hent tallene som CSV (Excel)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^traedesten-tal-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const content = readFileSync(path!, "utf8");
    expect(content.startsWith("\uFEFFVærested;Fra;Til;Besøgende")).toBe(true);
    expect(content).toContain("I alt");
  });

  test("phone width: the overview works at 375 px", async () => {
    const { page, baseUrl } = env;
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${baseUrl}/overblik`);
    await page.locator("table.heatmap").waitFor();
    await page.locator("table.figures-table").waitFor();
    await expectNoAxeViolations(page, "overview, coordinator, phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);
  });

  test("the centre admin records today's tally and an activity, and finds the survey link and QR code", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, CENTRE_ADMIN);
    await openLysetFigures(page, baseUrl);
    expect(await responseCount(page)).toBe("12");
    await page.getByRole("img", { name: /QR-kode til »Brugerundersøgelse 2026«/ }).waitFor();
    const link = page.locator(".survey-card a[href*='/undersoegelse/']").first();
    surveyPath = new URL((await link.getAttribute("href")) ?? "").pathname;
    expect(surveyPath).toMatch(/^\/undersoegelse\/[\w-]+$/);

    await page.getByLabel("Antal besøgende").fill("17");
    await page.getByRole("button", { name: "Gem optællingen" }).click();
    await page.getByText("17 besøgende", { exact: false }).waitFor();

    await page.getByLabel("Hvad blev holdt?").fill("Fællesspisning");
    await page.getByLabel(/Antal deltagere/).fill("9");
    await page.getByRole("button", { name: "Gem aktiviteten" }).click();
    await page.getByText("»Fællesspisning«", { exact: false }).waitFor();

    // Baseline and follow-up side by side; the create form comes with Danish questions.
    await page.getByRole("heading", { name: "Før-måling 2024 og opfølgning 2026 side om side" }).waitFor();
    expect(await page.getByLabel("Spørgsmål 1", { exact: true }).inputValue()).toBe("Jeg føler mig velkommen, når jeg kommer her.");
    await expectNoAxeViolations(page, "centre figures and survey");
    await signOut(page);
  });

  test("a user answers the survey on a phone without signing in; the count goes up for the centre admin", async () => {
    const { page, baseUrl } = env;
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${baseUrl}${surveyPath}`);
    await page.getByRole("heading", { level: 1, name: "Brugerundersøgelse 2026" }).waitFor();
    await page.getByText("Dine svar er anonyme").waitFor();
    await expectNoAxeViolations(page, "public survey, phone");

    const groups = page.getByRole("group");
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let index = 0; index < count; index += 1) {
      await groups.nth(index).getByRole("radio", { name: "Meget enig" }).check();
    }
    await page.getByLabel(/Er der noget, vi kunne gøre bedre\?/).fill("Mere morgenmad, tak.");
    await page.getByRole("button", { name: "Send mine svar" }).click();
    await page.getByRole("heading", { level: 1, name: "Tak for dine svar" }).waitFor();
    await expectNoAxeViolations(page, "public survey, thank you");

    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, baseUrl, CENTRE_ADMIN);
    await openLysetFigures(page, baseUrl);
    expect(await responseCount(page)).toBe("13");
  });
});

// Everyday use at the counter and on a phone (issue 23): the rough edges a first-time user hit,
// each checked the way it was found. Every screen visited is also checked by axe and for
// sideways scrolling (expectNoAxeViolations does both).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { expectNoAxeViolations, openMenuIfFolded, signIn, signOut, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const CPR_LIKE = "Ring på 010190-1234";
const LYSET_ID = seedId("centre:lyset");

/** Types a CPR-like number into every visible free-text field and expects the hint at once. */
async function expectLiveCprHintOnEveryFreeTextField(page: Page, screen: string): Promise<number> {
  const fields = page.locator(
    "main input:not([type]):visible, main input[type='text']:visible, main input[type='search']:visible, main textarea:visible",
  );
  const count = await fields.count();
  for (let index = 0; index < count; index += 1) {
    const field = fields.nth(index);
    const id = await field.getAttribute("id");
    const before = await field.inputValue();
    await field.fill(CPR_LIKE);
    const hint = page.locator(`[id="${id}-cpr"]`);
    await expect.poll(() => hint.isVisible(), { message: `CPR hint for #${id} on ${screen}` }).toBe(true);
    expect(await hint.textContent()).toContain("CPR-nummer");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await field.fill(before);
    await expect.poll(() => hint.count()).toBe(0);
  }
  return count;
}

describe("everyday use on a desktop", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("the job counsellor lands on Besøg", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "jobkonsulent@fjordby.example");
    expect(new URL(page.url()).pathname).toBe("/besoeg");
    await signOut(page);
  });

  it("centre staff land on Overleveringer, and next time on the section they last worked in", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "medarbejder@lyset.example");
    expect(new URL(page.url()).pathname).toBe("/overleveringer");
    await page.goto(`${baseUrl}/besoeg`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await signOut(page);
    await signIn(page, baseUrl, "medarbejder@lyset.example");
    expect(new URL(page.url()).pathname).toBe("/besoeg");
    await signOut(page);
  });

  it("the coordinator lands on Overblik", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "koordinator@fjordby.example");
    expect(new URL(page.url()).pathname).toBe("/overblik");
    await signOut(page);
  });

  it("the handover wizard refuses a CPR number while typing and does not carry it to the next step", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "medarbejder@lyset.example");
    await page.goto(`${baseUrl}/overleveringer/ny`);
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    await page.getByRole("checkbox", { name: "Bolig" }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("heading", { name: /Trin 2 af 5/ }).waitFor();
    await page.getByRole("radio", { name: /Bostøtten/ }).first().check();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("heading", { name: /Trin 3 af 5/ }).waitFor();
    expect(await expectLiveCprHintOnEveryFreeTextField(page, "wizard step 3")).toBeGreaterThanOrEqual(3);
    const purpose = page.locator("#handover-purpose");
    await purpose.fill(`Hjælp til bolig. ${CPR_LIKE}`);
    await page.getByRole("button", { name: "Næste" }).click();
    // Still on step 3, with the refusal in the error summary.
    await page.getByRole("heading", { name: /Trin 3 af 5/ }).waitFor();
    await page.locator(".error-summary").getByText(/CPR-nummer/).first().waitFor();
    await expectNoAxeViolations(page, "wizard step 3 with a CPR number");
  });

  it("every free-text field of the profile and the create-user form warns as you type; an empty create-user form names each field", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, "leder@lyset.example");
    await page.goto(`${baseUrl}/administration/vaerested/${LYSET_ID}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("main textarea").first().waitFor();
    expect(await expectLiveCprHintOnEveryFreeTextField(page, "centre profile")).toBeGreaterThanOrEqual(4);
    await signOut(page);

    await signIn(page, baseUrl, "orgadmin@fjordby.example");
    await page.goto(`${baseUrl}/administration`);
    const form = page.locator("form", { has: page.getByRole("heading", { name: /Opret/ }) });
    await form.getByRole("button", { name: /Opret/ }).click();
    const summary = form.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Skriv medarbejderens navn.",
      "Skriv medarbejderens e-mail.",
      "Vælg den enhed, medarbejderen skal arbejde i.",
    ]);
    await expectNoAxeViolations(page, "create user, empty");
    expect(await expectLiveCprHintOnEveryFreeTextField(page, "administration")).toBeGreaterThanOrEqual(1);
    await signOut(page);
  });

  it("the centre card prints on one A5 page with a QR code and a short link that works", async () => {
    const { page, baseUrl } = env;
    await page.goto(`${baseUrl}/vaerested/${LYSET_ID}/kort`);
    const card = page.locator("article.centre-card");
    await card.locator(".centre-card__qr svg").waitFor();
    expect(await card.locator(".centre-card__link").textContent()).toMatch(/\/v\/lyset$/);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "centre card");

    await page.emulateMedia({ media: "print" });
    for (const format of ["A5", "A4"] as const) {
      const pdf = await page.pdf({ format, preferCSSPageSize: format === "A5", printBackground: false });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length, `pages on ${format}`).toBe(1);
    }
    await page.emulateMedia({ media: "screen" });

    await page.goto(`${baseUrl}/v/lyset`);
    await page.waitForURL(`${baseUrl}/vaerested/${LYSET_ID}`);
    await page.getByRole("heading", { level: 1, name: "Værestedet Lyset" }).waitFor();
  });

  it("word search is in sight and search can start near an area of the municipality", async () => {
    const { page, baseUrl } = env;
    await page.goto(`${baseUrl}/soeg`);
    const words = page.getByRole("searchbox", { name: /Søg på navn eller ord/ });
    // The search screen's code loads after the page itself.
    await words.waitFor();
    expect(await words.isVisible()).toBe(true);
    await page.getByRole("radio", { name: "Nær et område i kommunen" }).check();
    const area = page.getByLabel("Område", { exact: true });
    await expect.poll(() => area.locator("option", { hasText: "Fjordby Havn" }).count()).toBe(1);
    await area.selectOption({ label: "Fjordby Havn" });
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL(/omraade=/);
    const results = page.getByRole("region", { name: "Resultater" });
    await results.getByRole("link").first().waitFor();
    expect(await results.getByText(/km/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "search near an area");
  });
});

describe("everyday use on a phone (375×812)", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
  });
  afterAll(async () => {
    await env?.close();
  });

  it("the header is one line with a menu button that keeps the unread count in sight", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "bostoette@fjordby.example");
    const header = page.locator("header.site-header");
    const height = (await header.boundingBox())?.height ?? 1000;
    expect(height).toBeLessThan(812 * 0.15);
    const menu = page.getByRole("button", { name: /^Menu/ });
    // The unread count arrives with its own query after the header has drawn.
    await expect.poll(() => menu.textContent()).toMatch(/ulæst/);
    expect(await page.getByRole("navigation", { name: "Hovedmenu" }).isVisible()).toBe(false);
    await expectNoAxeViolations(page, "phone header, closed");
    await openMenuIfFolded(page);
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    expect(await nav.isVisible()).toBe(true);
    await expectNoAxeViolations(page, "phone header, open");
    await nav.getByRole("link", { name: /^Besøg/ }).click();
    await page.waitForURL(/\/besoeg/);
    expect(await nav.isVisible()).toBe(false);
    await signOut(page);
  });

  it("the coordinator overview fits the phone's width", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "koordinator@fjordby.example");
    await page.goto(`${baseUrl}/overblik`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("table").first().waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "coordinator overview (phone)");
    await signOut(page);
  });

  it("booking today never prefills a time that has already passed", async () => {
    const { page, baseUrl } = env;
    // The browser's own clock: 13:10 in Copenhagen on the test day.
    await page.clock.setFixedTime(new Date("2026-11-26T12:10:00.000Z"));
    await signIn(page, baseUrl, "jobkonsulent@fjordby.example");
    await page.goto(`${baseUrl}/besoeg`);
    const select = page.getByLabel("Værested", { exact: true });
    await expect.poll(() => select.locator("option", { hasText: "Værestedet Lyset" }).count(), { timeout: 15_000 }).toBe(1);
    await select.selectOption({ label: "Værestedet Lyset" });
    const form = page.locator("form[aria-labelledby='booking-heading']");
    await form.getByLabel("Dato", { exact: true }).fill("2026-11-26");
    // The default 10:00–12:00 has passed at 13:10: it moves to 13:30–15:30.
    expect(await form.getByLabel("Fra kl.").inputValue()).toBe("13:30");
    expect(await form.getByLabel("Til kl.").inputValue()).toBe("15:30");
    await form.getByLabel("Fra kl.").fill("09:00");
    await form.getByLabel("Offentlig titel").fill("Kort besøg");
    await form.getByRole("button", { name: "Book tiden" }).click();
    await form.getByText("Starttidspunktet er allerede passeret").first().waitFor();
    await expectNoAxeViolations(page, "booking, past start (phone)");
  });
});

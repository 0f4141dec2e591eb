// J5 — the citizen follows their own handover, on a phone (375 px), without signing in: centre
// staff create a handover with consent and print the receipt with its QR code and PIN; the
// citizen opens the link, sees it accepted with a meeting (and takes it to their calendar),
// finds it again by code + PIN with the keyboard only, reads the consent receipt, and withdraws
// consent; both units then see the withdrawal on their timeline. axe checks every screen.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const CENTRE_STAFF = "medarbejder@lyset.example";
const SERVICE_WORKER = "bostoette@fjordby.example";
const PHONE = { width: 375, height: 812 };

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log ud" }).click();
  await page.getByRole("link", { name: "Log ind" }).first().waitFor();
}

/** Fits the phone's width: nothing wider than the viewport, so no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.viewport);
}

/** The scripts the page loaded: only the citizen entry and React, never the professional client. */
async function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith(".js")),
  );
}

// This file runs at the real time (the session cookie's expiry is checked against it), so its
// dates are counted from today: consent for a month, the first meeting a week ahead.
const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
const CONSENT_UNTIL = isoDate(new Date(Date.now() + 30 * DAY_MS));
const MEETING = new Date(Date.now() + 7 * DAY_MS);
const MEETING_DATE = isoDate(MEETING);
// "torsdag den 10. december" as the page writes it: weekday, day and month in Danish.
const MEETING_TEXT = [
  MEETING.toLocaleDateString("da-DK", { weekday: "long", timeZone: "Europe/Copenhagen" }),
  `.*${MEETING.toLocaleDateString("da-DK", { day: "numeric", timeZone: "Europe/Copenhagen" })}\\.? ${MEETING.toLocaleDateString("da-DK", { month: "long", timeZone: "Europe/Copenhagen" })}`,
].join(" ");

describe("J5: a citizen follows their own handover", () => {
  let env: BrowserEnvironment;
  let citizen: Page;
  let link = "";
  let code = "";
  let pin = "";

  beforeAll(async () => {
    // Real time on both sides (see below); the faked page clock would also hide the resource timings.
    env = await startBrowserEnvironment({ realPageClock: true });
    // why: the session cookie's Expires comes from the server's clock, and Chromium compares it
    // with the real time; with the shared fixed test time (November 2026) it would arrive
    // already expired once the real date is later. Nothing here depends on the demo week.
    env.app.clock.set(new Date().toISOString());
    citizen = await env.context.newPage();
    await citizen.setViewportSize(PHONE);
    citizen.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await env?.close();
  });

  test("centre staff create a handover with consent; the receipt has a QR code, the PIN and the link", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, CENTRE_STAFF);
    await page.goto(`${baseUrl}/overleveringer`);
    await page.getByRole("heading", { level: 1, name: "Overleveringer" }).waitFor();
    await page.getByRole("link", { name: "Ny overlevering" }).first().click();
    // Needs first: what the citizen needs, then Bostøtten among the services proposed, then the purpose.
    await page.getByRole("heading", { name: "Trin 1 af 5: Borgerens behov" }).waitFor();
    await page.getByRole("checkbox", { name: "Bolig" }).check();
    await page.getByLabel("Borgerens ønske med egne ord").fill("Vil gerne tale med nogen om sin husleje");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("radio", { name: "Bostøtten Fjordby" }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByLabel("Formål").fill("Hjælp til at finde og beholde en bolig");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("radio", { name: "Borgeren giver samtykke til at dele udvalgte oplysninger" }).check();
    await page.getByRole("checkbox", { name: "Fornavn eller kaldenavn" }).check();
    await page.getByLabel("Hvad må oplysningerne bruges til?").fill("kontakte dig om bostøtte");
    await page.getByRole("radio", { name: "Mundtligt" }).check();
    await page.getByLabel("Samtykket gælder til og med").fill(CONSENT_UNTIL);
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("checkbox", { name: "Jeg har læst teksten op, og borgeren har sagt ja" }).check();
    await page.getByRole("textbox", { name: "Borgerens fornavn eller kaldenavn" }).fill("Maja");
    await page.getByRole("button", { name: "Næste" }).click();
    await page.getByRole("button", { name: "Send overleveringen" }).click();
    await page.getByRole("heading", { level: 1, name: "Overleveringen er sendt" }).waitFor();

    await page.getByRole("heading", { name: "Borgerens egen side" }).waitFor();
    const qr = page.getByRole("img", { name: "QR-kode til siden, hvor du kan følge din henvendelse" });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    code = (await page.locator(".code-panel .handover-code__symbols").first().textContent())?.trim() ?? "";
    pin = /Pinkode: (\d{4})/.exec((await page.locator(".citizen-card").textContent()) ?? "")?.[1] ?? "";
    expect(pin).toMatch(/^\d{4}$/);
    link = (await page.getByRole("link", { name: "Åbn borgerens side" }).getAttribute("href")) ?? "";
    expect(link).toMatch(/\/h\/[A-Za-z0-9_-]{24}$/);
    await expectNoAxeViolations(page, "receipt with QR code and PIN");
  }, 180_000);

  test("the citizen opens the link on a phone: status in plain words, the consent receipt, no personal value, its own small bundle", async () => {
    await citizen.goto(`${env.baseUrl}${new URL(link).pathname}`);
    await citizen.getByRole("heading", { level: 1, name: "Din henvendelse" }).waitFor();
    await citizen.getByText("Din henvendelse er sendt til Bostøtten Fjordby. De har ikke svaret endnu.").waitFor();
    await citizen.getByText("De kontakter dig gennem Værestedet Lyset.").waitFor();
    await citizen.getByRole("heading", { name: "Det har du sagt ja til at dele" }).waitFor();
    await citizen.getByText("Dit fornavn", { exact: true }).waitFor();
    await citizen.getByText("Bolig", { exact: true }).waitFor();
    const text = (await citizen.locator("main").textContent()) ?? "";
    for (const secret of ["Maja", "husleje", "kontakte dig om bostøtte"]) expect(text).not.toContain(secret);
    const scripts = await loadedScripts(citizen);
    expect(scripts.some((path) => /\/assets\/citizen-[^/]+\.js$/.test(path))).toBe(true);
    expect(scripts.some((path) => /\/assets\/main-[^/]+\.js$/.test(path))).toBe(false);
    await expectNoSidewaysScroll(citizen);
    await expectNoAxeViolations(citizen, "citizen page, sent");

    // English on one button, and back.
    await citizen.getByRole("button", { name: "Read this page in English" }).click();
    await citizen.getByText("Your handover has been sent to Bostøtten Fjordby. They have not answered yet.").waitFor();
    await expectNoAxeViolations(citizen, "citizen page, English");
    await citizen.getByRole("button", { name: "Læs siden på dansk" }).click();
    await citizen.getByText("Din henvendelse er sendt til Bostøtten Fjordby. De har ikke svaret endnu.").waitFor();
  });

  test("the service accepts with a first meeting; the citizen sees it and saves it to their calendar", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, SERVICE_WORKER);
    await page.goto(`${baseUrl}/overleveringer`);
    await page.getByRole("link", { name: new RegExp(code) }).click();
    await page.getByRole("heading", { level: 1, name: `Overlevering ${code}` }).waitFor();
    await page.getByRole("button", { name: "Acceptér" }).click();
    const acceptDialog = page.getByRole("dialog", { name: "Acceptér overleveringen" });
    await acceptDialog.getByLabel("Første møde: dato og klokkeslæt").fill(`${MEETING_DATE}T14:00`);
    await acceptDialog.getByLabel("Første møde: sted").fill("Værestedet Lyset");
    await acceptDialog.getByRole("button", { name: "Acceptér" }).click();
    await page.locator(".status-panel .badge", { hasText: "Accepteret" }).waitFor();

    await citizen.reload();
    await citizen.getByText(new RegExp(`^Bostøtten Fjordby har sagt ja og foreslår et møde ${MEETING_TEXT}.* 14[.:]00 på Værestedet Lyset\\.$`)).waitFor();
    await citizen.getByRole("heading", { name: "Første møde" }).waitFor();
    const download = citizen.waitForEvent("download");
    await citizen.getByRole("button", { name: "Gem mødet i din kalender" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("moede.ics");
    const ics = readFileSync((await file.path())!, "utf8");
    expect(ics).toContain("DTSTART:20261210T130000Z");
    expect(ics).toContain("SUMMARY:Møde med Bostøtten Fjordby");
    expect(ics).toContain("LOCATION:Værestedet Lyset");
    await expectNoSidewaysScroll(citizen);
    await expectNoAxeViolations(citizen, "citizen page, accepted with meeting");
  }, 180_000);

  test("with the keyboard only, the citizen finds it again by code and PIN and withdraws consent after a confirmation", async () => {
    await citizen.goto(`${env.baseUrl}/folg`);
    await citizen.getByRole("heading", { level: 1, name: "Følg din henvendelse" }).waitFor();
    await expectNoAxeViolations(citizen, "follow form");
    // A wrong PIN first: the one plain answer, announced.
    await citizen.keyboard.press("Tab"); // skip link
    await citizen.keyboard.press("Tab"); // language
    await citizen.keyboard.press("Tab");
    await citizen.keyboard.type(code.toLowerCase());
    await citizen.keyboard.press("Tab");
    await citizen.keyboard.type(pin === "0000" ? "1111" : "0000");
    await citizen.keyboard.press("Enter");
    await citizen.getByRole("alert").filter({ hasText: "Vi kan ikke finde en henvendelse med det." }).waitFor();
    await expectNoAxeViolations(citizen, "follow form, not found");
    await citizen.getByLabel("Pinkode").fill("");
    await citizen.getByLabel("Pinkode").focus();
    await citizen.keyboard.type(pin);
    await citizen.keyboard.press("Enter");
    await citizen.getByText(/har sagt ja og foreslår et møde/).waitFor();
    // Focus moved to the page heading, so a screen reader starts at the top of the answer.
    expect(await citizen.evaluate(() => document.activeElement?.textContent)).toBe("Din henvendelse");

    await citizen.getByRole("button", { name: "Træk mit samtykke tilbage" }).focus();
    await citizen.keyboard.press("Enter");
    const question = citizen.getByRole("group", { name: "Vil du trække dit samtykke tilbage?" });
    await question.waitFor();
    expect(await citizen.evaluate(() => document.activeElement?.textContent)).toBe("Vil du trække dit samtykke tilbage?");
    await expectNoAxeViolations(citizen, "withdraw confirmation");
    await citizen.keyboard.press("Tab");
    await citizen.keyboard.press("Enter");
    await citizen.getByRole("heading", { level: 1, name: "Din henvendelse er lukket" }).waitFor();
    await expectNoAxeViolations(citizen, "citizen page, closed");

    // The printed link now says only that the handover is closed.
    await citizen.goto(`${env.baseUrl}${new URL(link).pathname}`);
    await citizen.getByRole("heading", { level: 1, name: "Din henvendelse er lukket" }).waitFor();
    expect(await citizen.getByText("Bostøtten Fjordby").count()).toBe(0);
  });

  test("both units see the citizen's withdrawal on their timeline", async () => {
    const { page, baseUrl } = env;
    for (const [email, first] of [
      [SERVICE_WORKER, true],
      [CENTRE_STAFF, false],
    ] as const) {
      if (!first) {
        await signOut(page);
        await signIn(page, baseUrl, email);
      }
      await page.goto(`${baseUrl}/overleveringer${email === CENTRE_STAFF ? "?vis=sendt" : ""}`);
      await page.getByRole("link", { name: new RegExp(code) }).click();
      await page.getByRole("heading", { level: 1, name: `Overlevering ${code}` }).waitFor();
      await page.locator(".status-panel .badge", { hasText: "Samtykke trukket tilbage" }).waitFor();
      const timeline = page.locator(".timeline");
      await timeline.getByText("Borgeren selv, på sin egen side").waitFor();
      await timeline.getByText("Borgeren trak selv sit samtykke tilbage.").waitFor();
      expect(await page.getByRole("button", { name: "Vis personoplysninger" }).count()).toBe(0);
      await expectNoAxeViolations(page, `handover timeline after the citizen's withdrawal (${email})`);
    }
  }, 180_000);
});

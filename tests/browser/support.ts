// Browser tests: the real server (built client + GraphQL) on an embedded database loaded with
// the demo municipality, driven by Debian's chromium through playwright-core, with axe-core
// checking every screen.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { DEMO_PASSWORD, seedDemoData } from "../../prisma/seed.ts";
import { openPglite } from "../../server/db/database.ts";
import { loadPgliteExtensions } from "../../server/db/pglite.ts";
import { startTestApp, type TestApp } from "../support/app.ts";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Thursday 26 November 2026, 10:00 in Copenhagen: centres are open, the week has visits. */
export const BROWSER_TEST_NOW = "2026-11-26T09:00:00.000Z";

export interface BrowserEnvironment {
  app: TestApp;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startBrowserEnvironment(
  options: { viewport?: { width: number; height: number }; now?: Date | string; realPageClock?: boolean } = {},
): Promise<BrowserEnvironment> {
  const now = new Date(options.now ?? BROWSER_TEST_NOW);
  const app = await startDemoApp(now);
  const profile = mkdtempSync(path.join(tmpdir(), "traedesten-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    headless: true,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Pages read the same "now" as the server (tests that need another moment set it again), so a
  // date typed in a test is not in the past by the real clock on the day the suite runs.
  if (!options.realPageClock) await context.clock.setFixedTime(now);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    app,
    context,
    page,
    baseUrl: app.url,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await app.close();
    },
  };
}

/**
 * A phone-sized (375 × 812) browser on the demo data for the test file, its clock fixed at
 * BROWSER_TEST_NOW. Read `env` from the returned object inside tests.
 */
export function phoneBrowserForFile(): { env: BrowserEnvironment } {
  const state = {} as { env: BrowserEnvironment };
  beforeAll(async () => {
    state.env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
    await state.env.page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
  }, 180_000);
  afterAll(async () => {
    await state.env?.close();
  });
  return state;
}

/**
 * A test app on the demo municipality as seeded at `now`. The first environment of a run seeds it
 * and keeps a dump beside the migrated template; the next ones with the same `now` load the dump
 * (seeding the demo on the embedded database costs seconds, and every browser test needs it).
 */
async function startDemoApp(now: Date): Promise<TestApp> {
  const dumpFile = path.join(path.dirname(inject("pgliteTemplate")), `demo-seeded-${now.getTime()}.tar`);
  const dump = existsSync(dumpFile) ? await readFile(dumpFile) : null;
  const pglite = await PGlite.create({
    loadDataDir: new Blob([dump ?? (await readFile(inject("pgliteTemplate")))]),
    extensions: loadPgliteExtensions(),
  });
  const app = await startTestApp({ database: openPglite(pglite) });
  app.clock.set(now);
  if (!dump) {
    await seedDemoData(app.prisma, app.clock);
    const seeded = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
    await writeFile(`${dumpFile}.partial`, seeded);
    await rename(`${dumpFile}.partial`, dumpFile);
  }
  return app;
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the current page and expects zero violations. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // why: the server's Content-Security-Policy (script-src 'self') blocks an inline <script>; evaluating
  // through the DevTools protocol is not subject to the page's CSP.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  });
  expect(violations, `axe violations on ${screen}`).toEqual([]);
  await expectNoHorizontalOverflow(page, screen);
}

/**
 * The page never scrolls sideways: the document is exactly as wide as the viewport. Runs with
 * every axe check, so every screen a test visits is checked, at 375 px as well as on a desktop.
 */
export async function expectNoHorizontalOverflow(page: Page, screen: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.scroll, `page width on ${screen} at ${widths.viewport} px`).toBe(widths.viewport);
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/log-ind`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/adgangskode/i).fill(password);
  await page.getByRole("button", { name: /log ind/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/log-ind"));
}

/** On a phone the header folds behind the "Menu" button; opens it when it is folded. */
export async function openMenuIfFolded(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: /^Menu/ });
  if ((await button.count()) > 0 && (await button.isVisible()) && (await button.getAttribute("aria-expanded")) === "false") await button.click();
}

export async function signOut(page: Page): Promise<void> {
  await openMenuIfFolded(page);
  await page.getByRole("button", { name: "Log ud" }).click();
  await page.getByRole("link", { name: "Log ind" }).first().waitFor();
}

// Browser tests: the real server (built client + GraphQL) on an embedded database loaded with
// the demo municipality, driven by Debian's chromium through playwright-core, with axe-core
// checking every screen.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD, seedDemoData } from "../../prisma/seed.ts";
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

export async function startBrowserEnvironment(options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserEnvironment> {
  const app = await startTestApp();
  app.clock.set(BROWSER_TEST_NOW);
  await seedDemoData(app.prisma, app.clock);
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
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/log-ind`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/adgangskode/i).fill(password);
  await page.getByRole("button", { name: /log ind/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/log-ind"));
}

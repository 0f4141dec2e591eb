// Notifications in the browser, in Danish: a handover sent to Bostøtten shows up as an unread
// message in the worker's header; the list links to the handover and opening it counts one
// fewer; the preferences page refuses an invalid mobile number at its field and saves a valid
// one. axe checks every screen, and a phone pass (375×812) checks the list and the preferences
// fit without sideways scrolling.
// The demo seed holds messages of its own (expiry warnings, visit requests), so the header's
// count is never a fixed number here: it is read from the database the page is served from, and
// the header must say exactly that.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { graphql, runOk } from "../support/graphql.ts";
import { expectNoAxeViolations, expectNoHorizontalOverflow, openMenuIfFolded, signIn, signOut, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const CREATE_HANDOVER = graphql(`mutation CreateHandover($input: CreateHandoverInput!) {
  createHandover(input: $input) { __typename ... on CreateHandoverSuccess { data { id } } }
}`);

const WORKER = "bostoette@fjordby.example";
const RECEIVED = "Der er en ny henvendelse til Bostøtten Fjordby i Trædesten.";

async function sendHandoverToBostoetten(env: BrowserEnvironment): Promise<string> {
  const staff = await env.app.as(seedId("user:centre-staff"));
  const { createHandover: created } = await runOk(staff, CREATE_HANDOVER, {
    input: { fromUnitId: seedId("unit:lyset"), toUnitId: seedId("unit:bostoette"), purpose: "Hjælp til bolig", helpCategories: ["HOUSING"], send: true },
  });
  if (created.__typename !== "CreateHandoverSuccess") return expect.fail(`createHandover: ${created.__typename}`);
  await env.app.runJobs();
  return created.data.id;
}

/** The worker's unread messages, as the database holds them. */
async function unreadCount(env: BrowserEnvironment): Promise<number> {
  const worker = await env.app.prisma.user.findUniqueOrThrow({ where: { email: WORKER } });
  return env.app.prisma.notification.count({ where: { userId: worker.id, readAt: null } });
}

/**
 * The header link's accessible name for a count, with the same plural rule as the client. The
 * browser may put a space before the hidden comma (the link is a flex box); the count is exact.
 */
const bellName = (count: number) => (count === 0 ? /^Beskeder$/ : new RegExp(`^Beskeder\\s?,\\s*${count}\\s+${count === 1 ? "ulæst" : "ulæste"}$`));

async function bellSays(page: Page, count: number): Promise<void> {
  await openMenuIfFolded(page);
  await page.getByRole("link", { name: bellName(count) }).waitFor();
}

describe("Notifications: the service worker sees a new handover and chooses how to be told", () => {
  let env: BrowserEnvironment;
  // Seeding the demo municipality and starting chromium can take minutes on a loaded machine.
  beforeAll(async () => {
    env = await startBrowserEnvironment();
  }, 400_000);
  afterAll(async () => {
    await env?.close();
  });

  test("an unread message in the header leads to the handover; preferences refuse a bad number at its field", async () => {
    const { page, baseUrl } = env;
    const handoverId = await sendHandoverToBostoetten(env);
    const unread = await unreadCount(env);
    expect(unread).toBeGreaterThanOrEqual(1); // at least the handover just sent
    await signIn(page, baseUrl, WORKER);
    await bellSays(page, unread);
    await page.getByRole("link", { name: bellName(unread) }).click();
    await page.getByRole("heading", { level: 1, name: "Beskeder" }).waitFor();
    await page.getByText(RECEIVED).first().waitFor();
    await expect.poll(() => page.locator(".notification-list__item--unread").count()).toBe(unread);
    await expectNoAxeViolations(page, "message list");

    // Opening the new handover's message marks that one read: the header counts one fewer.
    await page.locator(`.notification-list__item--unread a[href="/overleveringer/${handoverId}"]`).first().click();
    await page.waitForURL((url) => url.pathname === `/overleveringer/${handoverId}`);
    await expect.poll(() => unreadCount(env)).toBe(unread - 1);
    await page.goto(`${baseUrl}/notifikationer`);
    await bellSays(page, unread - 1);

    await page.goto(`${baseUrl}/indstillinger/notifikationer`);
    await page.getByRole("heading", { level: 1, name: "Indstillinger for beskeder" }).waitFor();
    await expectNoAxeViolations(page, "message settings");
    await page.getByRole("combobox", { name: "Afsenderen trækker en henvendelse tilbage" }).selectOption("DIGEST");
    await page.getByLabel(/Mobilnummer til SMS/).fill("ring til mig");
    await page.getByRole("button", { name: "Gem indstillinger" }).click();
    const phone = page.getByLabel(/Mobilnummer til SMS/);
    await expect.poll(() => phone.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "message settings, invalid phone");
    await phone.fill("20 30 40 50");
    await page.getByRole("button", { name: "Gem indstillinger" }).click();
    await page.getByText("Dine indstillinger er gemt.").waitFor();
    await expect.poll(() => phone.inputValue()).toBe("+4520304050");
    expect(await page.getByRole("combobox", { name: "Afsenderen trækker en henvendelse tilbage" }).inputValue()).toBe("DIGEST");
  }, 240_000);

  test("a platform admin sees the development mail page", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await signIn(page, baseUrl, "admin@fjordby.example");
    await page.goto(`${baseUrl}/udvikling/post`);
    await page.getByRole("heading", { level: 1, name: "Udvikling: opfangede e-mails" }).waitFor();
    await page.getByRole("button", { name: "Opdatér" }).waitFor();
    await expectNoAxeViolations(page, "development mail");
  }, 240_000);
});

describe("Notifications on a phone (375 px)", () => {
  let env: BrowserEnvironment;
  beforeAll(async () => {
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
  }, 400_000);
  afterAll(async () => {
    await env?.close();
  });

  test("the header keeps the unread count; the message list and the settings fit the screen and pass axe", async () => {
    const { page, baseUrl } = env;
    await sendHandoverToBostoetten(env);
    await signIn(page, baseUrl, WORKER);
    await page.goto(`${baseUrl}/notifikationer`);
    await page.getByText(RECEIVED).first().waitFor();
    await bellSays(page, await unreadCount(env));
    await expectNoHorizontalOverflow(page, "message list");
    await expectNoAxeViolations(page, "message list, phone");
    await page.goto(`${baseUrl}/indstillinger/notifikationer`);
    await page.getByRole("button", { name: "Gem indstillinger" }).waitFor();
    await expectNoHorizontalOverflow(page, "message settings");
    await expectNoAxeViolations(page, "message settings, phone");
  }, 240_000);
});

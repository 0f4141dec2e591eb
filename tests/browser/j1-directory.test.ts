// J1 – a caseworker proposes a centre to a citizen, clicked through in Danish as a person would:
// sign in, search by target group, time and offer, read why each result fits, open a centre,
// print its card, and sign out. Also: an anonymous evening search, a closed centre's
// open-elsewhere suggestions, a failed sign-in, a phone-sized pass, and the always-open safety net at
// 03:00 on Christmas Eve. axe checks every screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seedId } from "../../prisma/seed.ts";
import { expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const CASEWORKER = "sagsbehandler@fjordby.example";
const LYSET = seedId("centre:lyset");
const AFTENHUSET = seedId("centre:aftenhuset");

async function expectNoSidewaysScrolling(page: Page, screen: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${screen}`).toBeLessThanOrEqual(0);
}

describe("J1: find a centre (desktop)", () => {
  let environment: BrowserEnvironment;
  let page: Page;

  beforeAll(async () => {
    environment = await startBrowserEnvironment();
    page = environment.page;
  });
  afterAll(async () => {
    await environment?.close();
  });

  it("tells a caseworker clearly when the password is wrong, and keeps the e-mail", async () => {
    await page.goto(`${environment.baseUrl}/log-ind`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Log ind");
    await expectNoAxeViolations(page, "sign-in");

    await page.getByRole("button", { name: "Log ind" }).click();
    await expect.poll(() => page.getByText("Skriv din e-mail.").first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, "sign-in with empty fields");

    await page.getByLabel("E-mail").fill(CASEWORKER);
    await page.getByLabel("Adgangskode").fill("forkert-adgangskode");
    await page.getByRole("button", { name: "Log ind" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Du blev ikke logget ind" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("E-mail eller adgangskode er forkert");
    expect(await page.getByLabel("E-mail").inputValue()).toBe(CASEWORKER);
    await expectNoAxeViolations(page, "sign-in failed");
  });

  it("signs the caseworker in and lands on the search with a role-aware menu", async () => {
    await page.getByLabel("Adgangskode").fill("Trædesten-demo-2026");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL((url) => url.pathname === "/soeg");
    const menu = page.getByRole("navigation", { name: "Hovedmenu" });
    await menu.getByRole("link", { name: /Overleveringer/ }).waitFor();
    expect(await menu.getByRole("link", { name: "Besøg" }).count()).toBe(1);
    expect(await menu.getByRole("link", { name: "Log ind" }).count()).toBe(0);
    expect(await menu.getByRole("link", { name: "Overblik" }).count()).toBe(0);
    await page.getByText("Logget ind som Sara Sagsbehandler").waitFor();
    await page.getByRole("button", { name: "Log ud" }).waitFor();
  });

  it("searches for an open place with a meal for a mentally vulnerable citizen and says why each fits", async () => {
    await page.getByRole("heading", { level: 1, name: "Find et værested" }).waitFor();
    await page.getByRole("status").filter({ hasText: /passer til søgningen/ }).waitFor();
    await expectNoAxeViolations(page, "search");

    await page.getByLabel("Psykisk sårbarhed").check();
    await page.getByLabel("Åben nu", { exact: true }).check();
    await page.getByLabel("Et måltid").check();
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL((url) => url.search.includes("hvornaar=NOW"));
    const url = new URL(page.url());
    expect(url.searchParams.getAll("maalgruppe")).toEqual(["MENTAL_VULNERABILITY"]);
    expect(url.searchParams.getAll("oensker")).toEqual(["MEAL"]);

    const results = page.getByRole("region", { name: "Resultater" });
    const lyset = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Værestedet Lyset" }) });
    await lyset.waitFor();
    const text = (await lyset.textContent()) ?? "";
    expect(text).toContain("Derfor passer det");
    expect(text).toMatch(/åben nu til 15[:.]00/i);
    expect(text).toMatch(/Åben nu til 15[:.]00/);
    // Closed places are not offered when the citizen wants to go now.
    expect(await results.getByRole("link", { name: "Nattecaféen Trappen" }).count()).toBe(0);
    await expectNoAxeViolations(page, "search results");

    // The search survives a reload: it lives in the URL, so it can be shared.
    await page.reload();
    await results.getByRole("link", { name: "Værestedet Lyset" }).waitFor();
    expect(await page.getByLabel("Psykisk sårbarhed").isChecked()).toBe(true);
    expect(await page.getByLabel("Åben nu", { exact: true }).isChecked()).toBe(true);
  });

  it("opens the centre and shows hours with volunteer periods, this week and a warm introduction", async () => {
    await page.getByRole("link", { name: "Værestedet Lyset" }).click();
    await page.waitForURL(`**/vaerested/${LYSET}`);
    await page.getByRole("heading", { level: 1, name: "Værestedet Lyset" }).waitFor();

    const hours = page.getByRole("table", { name: "Åbningstider" });
    const thursday = hours.getByRole("row").filter({ hasText: "Torsdag" });
    expect(await thursday.textContent()).toMatch(/09[.:]00–15[.:]00.*17[.:]00–21[.:]00.*frivillige/);
    expect(await hours.getByRole("row").filter({ hasText: "Lørdag" }).textContent()).toContain("Lukket");

    await page.getByRole("heading", { level: 2, name: "Denne uge på værestedet" }).waitFor();
    await page.getByRole("heading", { name: "Spørg efter" }).waitFor();
    await page.getByText("Fællesspisning").first().waitFor();
    await page.getByText("Havnegade 12").first().waitFor();

    const introduction = page.getByRole("link", { name: "Send en varm introduktion" });
    const href = (await introduction.getAttribute("href")) ?? "";
    expect(href).toContain("/overleveringer/ny?til=");
    expect(href).toContain("type=WARM_INTRODUCTION");
    // An open centre needs no suggestions elsewhere.
    expect(await page.getByRole("heading", { name: "Åbent andre steder lige nu" }).count()).toBe(0);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "centre page");
  });

  it("opens a printable centre card without personal data", async () => {
    await page.getByRole("link", { name: "Print værestedskort" }).click();
    await page.waitForURL(`**/vaerested/${LYSET}/kort`);
    await page.getByRole("heading", { level: 1, name: "Værestedskort: Værestedet Lyset" }).waitFor();
    const card = page.getByRole("article");
    await card.getByRole("heading", { name: "Åbningstider" }).waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("Havnegade 12");
    expect(text).toContain("Spørg efter Mette");
    expect(text).toContain("Det sker her");
    expect(text).not.toContain("Sara");
    await page.getByRole("button", { name: "Udskriv kortet" }).waitFor();
    await page.waitForLoadState("networkidle");
    // Centres are open now: the card needs no safety net.
    expect(await card.getByRole("region", { name: /Intet er åbent lige nu/ }).count()).toBe(0);
    await expectNoAxeViolations(page, "centre card");

    // On paper only the card is printed: no menu, no buttons, no page heading.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Hovedmenu" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Udskriv kortet" }).isVisible()).toBe(false);
    expect(await card.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("signs out and goes home", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Log ind" }).waitFor();
    expect(await page.getByRole("button", { name: "Log ud" }).count()).toBe(0);
  });

  it("shows more results on request and searches near a centre the citizen knows", async () => {
    await page.goto(`${environment.baseUrl}/soeg`);
    const results = page.getByRole("region", { name: "Resultater" });
    await page.getByRole("status").filter({ hasText: "12 væresteder passer til søgningen" }).waitFor();
    const cards = results.getByRole("heading", { level: 3 });
    expect(await cards.count()).toBe(10);
    await page.getByRole("button", { name: "Vis flere væresteder" }).click();
    await expect.poll(() => cards.count()).toBe(12);
    // Focus moves to the first new result, so a keyboard user reads on from there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("centre-result-10");

    await page.getByLabel("Nær et værested, borgeren kender").check();
    await page.getByLabel("Værested", { exact: true }).selectOption({ label: "Værestedet Lyset" });
    await page.getByLabel("Afstand").selectOption({ label: "Inden for 1 km" });
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL((url) => url.search.includes("hvor=CENTRE"));
    await page.getByRole("status").filter({ hasText: /passer til søgningen/ }).waitFor();
    const first = (await results.getByRole("list").first().getByRole("listitem").first().textContent()) ?? "";
    expect(first).toMatch(/km væk/);
    expect(await results.getByRole("link", { name: "Værestedet Lyset" }).count()).toBe(0);
    expect(await results.getByRole("link", { name: "Søstedet Sølyst" }).count()).toBe(0);
    await expectNoAxeViolations(page, "search near a centre");
  });

  it("lets anyone search for somewhere open this evening", async () => {
    await page.goto(`${environment.baseUrl}/soeg`);
    await page.getByLabel(/I aften/).check();
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL((url) => url.search.includes("hvornaar=THIS_EVENING"));
    const results = page.getByRole("region", { name: "Resultater" });
    await results.getByRole("link", { name: "Nattecaféen Trappen" }).waitFor();
    await results.getByRole("link", { name: "Aftenhuset" }).waitFor();
    expect(await results.getByRole("link", { name: "Værkstedet Hænderne" }).count()).toBe(0);
    await expectNoAxeViolations(page, "evening search results");
  });

  it("suggests centres open elsewhere when a centre is closed", async () => {
    await page.getByRole("link", { name: "Aftenhuset" }).click();
    await page.waitForURL(`**/vaerested/${AFTENHUSET}`);
    await page.getByRole("heading", { level: 1, name: "Aftenhuset" }).waitFor();
    expect(await page.getByText(/Lukket – åbner/).first().textContent()).toMatch(/åbner/);
    const elsewhere = page.getByRole("region", { name: "Åbent andre steder lige nu" });
    await elsewhere.getByRole("link").first().waitFor();
    expect(await elsewhere.getByRole("link", { name: "Værestedet Lyset" }).count()).toBe(1);
    // Only signed-in caseworkers and centre staff can send a warm introduction.
    expect(await page.getByRole("link", { name: "Send en varm introduktion" }).count()).toBe(0);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "closed centre page");
  });

  it("searches the services by kind and shows whether they take new people", async () => {
    await page.goto(`${environment.baseUrl}/soeg`);
    await page.getByRole("tab", { name: "Tilbud" }).click();
    await page.getByLabel("Bostøtte").check();
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL((url) => url.search.includes("type=HOUSING_SUPPORT"));
    const results = page.getByRole("region", { name: "Resultater" });
    const bostoette = results.getByRole("listitem").filter({ hasText: "Bostøtten Fjordby" });
    await bostoette.waitFor();
    expect(await bostoette.textContent()).toContain("Tager imod nye");
    await expectNoAxeViolations(page, "service search results");
  });
});

describe("Accounts: an administrator gives a colleague a password link", () => {
  let environment: BrowserEnvironment;
  let page: Page;

  beforeAll(async () => {
    environment = await startBrowserEnvironment();
    page = environment.page;
  });
  afterAll(async () => {
    await environment?.close();
  });

  it("issues a one-time link, the colleague chooses a password with it and signs in", async () => {
    await signIn(page, environment.baseUrl, "admin@fjordby.example");
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Administration" }).click();
    await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
    await page.getByRole("button", { name: "Nyt adgangskode-link til Bo Bostøtte" }).click();
    const link = await page.getByLabel("Link til at vælge adgangskode").inputValue();
    const hash = new URL(link).hash;
    expect(hash).toMatch(/^#token=/);
    await expectNoAxeViolations(page, "administration");
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    await page.goto(`${environment.baseUrl}/saet-adgangskode${hash}`);
    await page.getByRole("heading", { level: 1, name: "Vælg adgangskode" }).waitFor();
    // The token is read once and removed from the address bar.
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    await expectNoAxeViolations(page, "set password");
    await page.getByLabel("Ny adgangskode").fill("for kort");
    await page.getByLabel("Gentag den nye adgangskode").fill("for kort");
    await page.getByRole("button", { name: "Gem adgangskode" }).click();
    await page.getByText("Adgangskoden skal være mindst 12 tegn. Du har skrevet 8.").first().waitFor();
    await expectNoAxeViolations(page, "set password, too short");

    await page.getByLabel("Ny adgangskode").fill("bostøtten har en lang sætning");
    await page.getByLabel("Gentag den nye adgangskode").fill("bostøtten har en lang sætning");
    await page.getByRole("button", { name: "Gem adgangskode" }).click();
    await page.getByRole("heading", { level: 1, name: "Din adgangskode er gemt" }).waitFor();
    await page.getByRole("link", { name: "Gå til log ind" }).click();
    expect(await page.getByLabel("E-mail").inputValue()).toBe("bostoette@fjordby.example");
    await page.getByLabel("Adgangskode").fill("bostøtten har en lang sætning");
    await page.getByRole("button", { name: "Log ind" }).click();
    // A service worker starts in the handover inbox.
    await page.waitForURL((url) => url.pathname === "/overleveringer");
    await page.getByText("Logget ind som Bo Bostøtte").waitFor();
  });
});

describe("J1: find a centre on a phone (375×812)", () => {
  let environment: BrowserEnvironment;
  let page: Page;

  beforeAll(async () => {
    environment = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
    page = environment.page;
  });
  afterAll(async () => {
    await environment?.close();
  });

  it("searches and reads a centre page without sideways scrolling", async () => {
    await page.goto(`${environment.baseUrl}/soeg`);
    await page.getByRole("status").filter({ hasText: /passer til søgningen/ }).waitFor();
    await expectNoSidewaysScrolling(page, "search (phone)");
    await expectNoAxeViolations(page, "search (phone)");

    await page.getByLabel("Psykisk sårbarhed").check();
    await page.getByLabel("Åben nu", { exact: true }).check();
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    const results = page.getByRole("region", { name: "Resultater" });
    await results.getByRole("link", { name: "Værestedet Lyset" }).waitFor();
    await expectNoSidewaysScrolling(page, "search results (phone)");
    await expectNoAxeViolations(page, "search results (phone)");

    await results.getByRole("link", { name: "Værestedet Lyset" }).click();
    await page.getByRole("heading", { level: 1, name: "Værestedet Lyset" }).waitFor();
    await page.getByRole("table", { name: "Åbningstider" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScrolling(page, "centre page (phone)");
    await expectNoAxeViolations(page, "centre page (phone)");

    await page.goto(`${environment.baseUrl}/log-ind`);
    await page.getByLabel("E-mail").waitFor();
    await expectNoSidewaysScrolling(page, "sign-in (phone)");
    await expectNoAxeViolations(page, "sign-in (phone)");
  });
});

describe("J1: never a dead end — 03:00 on Christmas Eve on a phone (issue 18)", () => {
  const CHRISTMAS_EVE_0300 = "2026-12-24T02:00:00.000Z"; // 03:00 Europe/Copenhagen
  let environment: BrowserEnvironment;
  let page: Page;

  beforeAll(async () => {
    environment = await startBrowserEnvironment({ viewport: { width: 375, height: 812 }, now: CHRISTMAS_EVE_0300 });
    page = environment.page;
    await page.clock.setFixedTime(new Date(CHRISTMAS_EVE_0300));
  });
  afterAll(async () => {
    await environment?.close();
  });

  it("shows the always-open safety net with phone links when nothing is open", async () => {
    await page.goto(`${environment.baseUrl}/soeg`);
    await page.getByLabel("Åben nu", { exact: true }).check();
    await page.getByRole("button", { name: "Søg", exact: true }).click();
    await page.waitForURL((url) => url.search.includes("NOW"));
    const results = page.getByRole("region", { name: "Resultater" });
    const net = results.getByRole("region", { name: "Intet er åbent lige nu — her kan du altid få hjælp" });
    await net.waitFor();
    const call = net.getByRole("link", { name: /Ring til Herberget Fjordly: 70 10 00 01/ });
    expect(await call.getAttribute("href")).toBe("tel:+4570100001");
    expect(await net.getByRole("link", { name: /^Ring til / }).count()).toBe(3);
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScrolling(page, "search at night (phone)");
    await expectNoAxeViolations(page, "search at night with the safety net (phone)");

    await page.goto(`${environment.baseUrl}/vaerested/${AFTENHUSET}`);
    await page.getByRole("heading", { level: 1, name: "Aftenhuset" }).waitFor();
    await page.getByText("Ingen andre steder for de samme målgrupper har åbent lige nu.").waitFor();
    const centreNet = page.getByRole("region", { name: "Intet er åbent lige nu — her kan du altid få hjælp" });
    expect(await centreNet.getByRole("link", { name: /Ring til Psykiatrisk Akutmodtagelse Fjordby/ }).getAttribute("href")).toBe("tel:+4570100002");
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScrolling(page, "closed centre at night (phone)");
    await expectNoAxeViolations(page, "closed centre at night with the safety net (phone)");

    // The printable centre card carries the safety net too while nothing is open: a number to call tonight.
    await page.goto(`${environment.baseUrl}/vaerested/${AFTENHUSET}/kort`);
    const cardNet = page.getByRole("article").getByRole("region", { name: "Intet er åbent lige nu — her kan du altid få hjælp" });
    await cardNet.waitFor();
    expect(await cardNet.getByRole("link", { name: /Ring til Herberget Fjordly: 70 10 00 01/ }).getAttribute("href")).toBe("tel:+4570100001");
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScrolling(page, "centre card at night (phone)");
    await expectNoAxeViolations(page, "centre card at night with the safety net (phone)");
  });
});

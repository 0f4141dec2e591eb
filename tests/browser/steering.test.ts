// Steering on a phone (375×812), in Danish: the public initiative catalogue with an effect
// template's target and current value, and the strategic group's overview: demand by hour, the
// monthly trend chart beside its table, and one centre's follow-up compared with the area's
// baseline. Then ideas and barriers and the edit forms: a user raises an idea on a centre's
// public page without signing in; the coordinator qualifies it into the catalogue with a public
// answer and edits the new initiative (status, weights, effect template); the centre's admin
// states its core task. axe finds nothing, charts included, and nothing scrolls sideways.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { BROWSER_TEST_NOW, expectNoAxeViolations, signIn, signOut, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const LYSET = seedId("centre:lyset");
const IDEA_TEXT = "Kunne I lave en cykelværksted-eftermiddag, hvor vi reparerer cykler sammen?";

describe("Steering on a phone (375×812)", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
    await env.page.clock.setFixedTime(new Date(BROWSER_TEST_NOW));
  });

  afterAll(async () => {
    await env?.close();
  });

  test("anyone reads the initiative catalogue with each effect template's target and current value", async () => {
    const { page, baseUrl } = env;
    await page.goto(`${baseUrl}/initiativer`);
    await page.getByRole("heading", { level: 1, name: "Initiativkatalog" }).waitFor();
    const initiative = page.getByRole("article", { name: "Aftenåbent med fællesspisning" });
    await initiative.waitFor();
    await initiative.getByText("I gang", { exact: true }).waitFor();
    const effect = initiative.getByRole("table", { name: "Effektmåling: Aftenåbent med fællesspisning" });
    const visitors = effect.getByRole("row", { name: /Besøgende/ });
    const cells = await visitors.getByRole("cell").allTextContents();
    expect(cells[0]).toBe("400");
    expect(cells[1]).toBe("900");
    expect(Number((cells[2] ?? "").replace(/\./g, ""))).toBeGreaterThan(100);
    expect(cells[3]).toMatch(/^-?\d+ %$/);
    await page.getByRole("article", { name: "Jobkonsulent på værestedet" }).getByText("Planlagt", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "initiative catalogue at 375 px");
  });

  test("the strategic group compares a centre's follow-up with the area's baseline, beside demand and trends", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "strategi@fjordby.example");
    await page.goto(`${baseUrl}/overblik`);
    await page.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();

    await page.getByRole("heading", { name: "Hvornår kommer borgerne?" }).waitFor();
    const demand = page.getByRole("table", { name: /Besøgende pr. ugedag og time, Alle besøgende/ });
    await demand.waitFor();
    expect(await demand.locator("tbody tr").count()).toBe(7);

    await page.getByRole("heading", { name: "Udvikling måned for måned" }).waitFor();
    await page.getByRole("img", { name: /Besøgende pr. måned/ }).waitFor();
    const trendTable = page.getByRole("table", { name: "Besøgende pr. måned (tabel)" });
    expect(await trendTable.locator("tbody tr").count()).toBe(12);

    await page.getByRole("heading", { name: "Brugerundersøgelsen: værested mod området" }).waitFor();
    await page.getByLabel("Værested", { exact: true }).selectOption({ label: "Værestedet Lyset" });
    const comparison = page.getByRole("table", { name: /^Værestedet Lyset: gennemsnit pr. fælles spørgsmål/ });
    await comparison.waitFor();
    const welcome = await comparison.getByRole("row", { name: /Jeg føler mig velkommen/ }).getByRole("cell").allTextContents();
    // Centre baseline, area baseline, centre follow-up, area follow-up: means like "3,4"; then a signed difference.
    for (const mean of welcome.slice(0, 4)) expect(mean).toMatch(/^\d,\d$/);
    expect(welcome[4]).toMatch(/^([+-]\d,\d|0,0)$/);
    await expectNoAxeViolations(page, "overview for the strategic group at 375 px");
  });

  test("a user raises an idea anonymously from the centre's page and reads the answers there", async () => {
    const { page, baseUrl } = env;
    await signOut(page);
    await page.goto(`${baseUrl}/vaerested/${LYSET}`);
    const section = page.getByRole("region", { name: "Har du en idé, eller står noget i vejen?" });
    await section.waitFor();
    // The demo's accepted idea is answered on the page already.
    await section.getByRole("article", { name: /^Idé på Værestedet Lyset/ }).getByText("Status: Optaget i initiativkataloget", { exact: true }).waitFor();
    await section.getByText(/^Du er anonym/).waitFor();
    await expectNoAxeViolations(page, "centre page with the idea form at 375 px");

    await section.getByRole("radio", { name: "En idé" }).check();
    await section.getByLabel("Din idé").fill(IDEA_TEXT);
    await section.getByRole("button", { name: "Send" }).click();
    await section.getByRole("status").getByText(/^Tak! Din besked er sendt/).waitFor();
    expect(await section.getByLabel("Din idé").inputValue()).toBe("");
    await expectNoAxeViolations(page, "idea sent at 375 px");

    const stored = await env.app.prisma.idea.findFirstOrThrow({ where: { text: IDEA_TEXT } });
    expect(stored).toMatchObject({ centreId: LYSET, source: "PUBLIC_PAGE", status: "OPEN" });
  });

  test("the coordinator accepts it into the catalogue with a public answer", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "koordinator@fjordby.example");
    await page.goto(`${baseUrl}/ideer`);
    await page.getByRole("heading", { level: 1, name: "Idéer og barrierer" }).waitFor();
    const waiting = page.getByRole("region", { name: /^Til behandling/ });
    const idea = waiting.getByRole("article").filter({ hasText: IDEA_TEXT });
    await idea.waitFor();
    await expectNoAxeViolations(page, "ideas waiting for the coordinator at 375 px");

    await idea.getByRole("radio", { name: "Optag i initiativkataloget" }).check();
    await idea.getByLabel("Titel").fill("Cykelværksted");
    await idea.getByRole("radio", { name: "Rettet mod borgerne" }).check();
    await idea.getByRole("group", { name: "Forventet hurtig effekt" }).getByRole("radio", { name: "Høj" }).check();
    await idea.getByRole("textbox", { name: "Svar", exact: true }).fill("God idé! Den er optaget i initiativkataloget, og vi leder efter frivillige.");
    await expectNoAxeViolations(page, "qualifying an idea at 375 px");
    await idea.getByRole("button", { name: "Optag og svar" }).click();

    const answered = page.getByRole("region", { name: "Besvarede idéer og barrierer" }).getByRole("article").filter({ hasText: IDEA_TEXT });
    await answered.getByText("God idé! Den er optaget i initiativkataloget").waitFor();
    await answered.getByText("Status: Optaget i initiativkataloget", { exact: true }).waitFor();
    await expect.poll(() => waiting.getByRole("article").filter({ hasText: IDEA_TEXT }).count()).toBe(0);
    await expectNoAxeViolations(page, "idea accepted at 375 px");

    await answered.getByRole("link", { name: "Se initiativet »Cykelværksted«" }).click();
    const initiative = page.getByRole("article", { name: "Cykelværksted" });
    await initiative.getByText("Idé", { exact: true }).waitFor();
    await initiative.getByText("Opstod som en idé rejst på Værestedet Lyset.").waitFor();
  });

  test("the coordinator edits the new initiative: status, a weight and its effect template", async () => {
    const { page, baseUrl } = env;
    await page.goto(`${baseUrl}/initiativer`);
    await page.getByRole("article", { name: "Cykelværksted" }).getByRole("link", { name: /^Rediger\W+Cykelværksted$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Rediger »Cykelværksted«" }).waitFor();
    await page.getByRole("radio", { name: "Planlagt" }).check();
    await page.getByRole("group", { name: "Ressourcetræk" }).getByRole("radio", { name: "Lav" }).check();
    await page.getByRole("button", { name: "Tilføj en måling" }).click();
    const measure = page.getByRole("group", { name: "Måling 1" });
    await measure.getByLabel("Tal", { exact: true }).selectOption({ label: "Besøgende" });
    await measure.getByLabel("Udgangspunkt").fill("40");
    await measure.getByLabel("Mål", { exact: true }).fill("120,5");
    await expectNoAxeViolations(page, "initiative form at 375 px");
    await page.getByRole("button", { name: "Gem initiativet" }).click();

    const initiative = page.getByRole("article", { name: "Cykelværksted" });
    await initiative.getByText("Planlagt", { exact: true }).waitFor();
    const row = initiative.getByRole("table", { name: "Effektmåling: Cykelværksted" }).getByRole("row", { name: /Besøgende/ });
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(0, 2)).toEqual(["40", "120,5"]);
    await expectNoAxeViolations(page, "catalogue after editing at 375 px");
    await signOut(page);
  });

  test("the centre's admin states its core task and guiding principles", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, "leder@lyset.example");
    await page.goto(`${baseUrl}/administration/vaerested/${LYSET}#kerneopgave`);
    const form = page.locator("form").filter({ has: page.getByLabel("Stedets kerneopgave") });
    await form.getByLabel("Stedets kerneopgave").fill("Et trygt fristed, hvor man kan være uden krav og få hjælp videre.");
    await form.getByRole("checkbox", { name: "Bæredygtig tilgang" }).check();
    await expectNoAxeViolations(page, "core task form at 375 px");
    await form.getByRole("button", { name: "Gem kerneopgaven" }).click();
    await form.getByText("Kerneopgaven er gemt.").waitFor();

    await page.goto(`${baseUrl}/vaerested/${LYSET}`);
    const coreTask = page.getByRole("region", { name: "Kerneopgave" });
    await coreTask.getByText("Et trygt fristed, hvor man kan være uden krav og få hjælp videre.").waitFor();
    await coreTask.getByText("Bæredygtig tilgang").waitFor();
  });
});

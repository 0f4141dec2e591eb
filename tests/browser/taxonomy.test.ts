// Issue 18 item 7 in the browser, in Danish: the platform admin keeps the taxonomy (the demo's
// four added target groups are there; a new one is added, a taken code is refused at its field,
// the new one is renamed and retired), lists a club for signposting only and removes it; the
// directory follows: the search offers the groups as data, filters by the citizen's age, and marks
// signposting-only offers without a way to hand over. Every screen is checked with axe; a phone
// pass (375×812) goes over the admin screens.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment } from "./support.ts";

const PLATFORM_ADMIN = "admin@fjordby.example";
const CASEWORKER = "sagsbehandler@fjordby.example";

async function openTaxonomy(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/administration`);
  await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
  await page.getByRole("link", { name: /Målgrupper og hvad stederne tilbyder/ }).click();
  await page.getByRole("heading", { level: 1, name: "Målgrupper og tilbud" }).waitFor();
}

const targetGroups = (page: Page) => page.locator("section.card", { has: page.getByRole("heading", { name: "Målgrupper", exact: true }) });

describe("The taxonomy: a platform admin extends it, the directory follows", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment();
  });

  afterAll(async () => {
    await env?.close();
  });

  test("adds, renames and retires a target group; the search offers the lists as data", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, PLATFORM_ADMIN);
    await openTaxonomy(page, baseUrl);
    // Today's values and the four groups the strategy names, each with its stable code.
    for (const name of ["Psykisk sårbarhed", "Fysisk funktionsnedsættelse", "Tidligere anbragte", "Tidligere misbrug", "Sexarbejdere"]) {
      await targetGroups(page).getByText(name, { exact: true }).waitFor();
    }
    await targetGroups(page).getByText(/Kode SEX_WORKERS/).waitFor();
    await expectNoAxeViolations(page, "taxonomy administration");

    // A code already in use is refused at its field.
    await page.locator("#new-term-code").fill("ADULTS");
    await page.locator("#new-term-nameDa").fill("Voksne igen");
    await page.locator("#new-term-nameEn").fill("Adults again");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await expect.poll(() => page.locator("#new-term-code").getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("link", { name: /Der findes allerede en term med den kode/ }).waitFor();
    await expectNoAxeViolations(page, "taxonomy administration, code taken");

    // A new group, written in lower case: the code is stored in capitals.
    await page.locator("#new-term-code").fill("veterans");
    await page.locator("#new-term-nameDa").fill("Veteraner");
    await page.locator("#new-term-nameEn").fill("Veterans");
    await page.getByRole("button", { name: "Tilføj", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "\"Veteraner\" er tilføjet." }).waitFor();
    await targetGroups(page).getByText(/Kode VETERANS/).waitFor();

    // Rename it.
    await page.getByRole("button", { name: "Ret navn – Veteraner" }).click();
    await page.locator("#term-VETERANS-nameDa").fill("Veteraner og deres pårørende");
    await page.getByRole("button", { name: "Gem navne" }).click();
    await page.getByRole("status").filter({ hasText: "Navnet \"Veteraner og deres pårørende\" er gemt." }).waitFor();
    await expectNoAxeViolations(page, "taxonomy administration, after renaming");

    // The search offers it at once (the lists are data), next to the demo's added groups.
    await page.goto(`${baseUrl}/soeg`);
    const groupFilter = page.getByRole("group", { name: /^Målgruppe/ });
    await groupFilter.getByRole("checkbox", { name: "Veteraner og deres pårørende" }).waitFor();
    await groupFilter.getByRole("checkbox", { name: "Fysisk funktionsnedsættelse" }).waitFor();

    // Retire it: it leaves the lists; the admin can bring it back.
    await openTaxonomy(page, baseUrl);
    await page.getByRole("button", { name: "Lad udgå – Veteraner og deres pårørende" }).click();
    await page.getByRole("status").filter({ hasText: "er udgået" }).waitFor();
    await page.getByRole("button", { name: "Tag i brug igen – Veteraner og deres pårørende" }).waitFor();
    await targetGroups(page).getByText("Udgået", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "taxonomy administration, a retired term");
    await page.goto(`${baseUrl}/soeg`);
    await page.getByRole("group", { name: /^Målgruppe/ }).getByRole("checkbox", { name: "Psykisk sårbarhed" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Veteraner og deres pårørende" }).count()).toBe(0);
  });

  test("the platform admin lists a club for signposting only and removes it again", async () => {
    const { page, baseUrl } = env;
    await page.goto(`${baseUrl}/administration`);
    await page.getByRole("link", { name: /Foreninger og klubber uden for Trædesten/ }).click();
    await page.getByRole("heading", { level: 1, name: "Foreninger og klubber" }).waitFor();
    await page.getByText("Krolf for alle i Fjordby Krolfklub", { exact: true }).waitFor();
    await page.getByText("Ny Start – fællesskab efter misbrug", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "signposting administration");

    // Without a target group it is refused at the group.
    await page.locator("#signpost-name").fill("Strikkecafé på biblioteket");
    await page.locator("#signpost-operatorName").fill("Fjordby Strikkeklub (fiktiv)");
    await page.locator("#signpost-description").fill("Vi strikker og drikker kaffe hver onsdag kl. 14. Garn kan lånes.");
    await page.locator("#signpost-phone").fill("70 10 40 03");
    await page.getByRole("button", { name: "Tilføj til søgningen" }).click();
    await page.getByRole("heading", { name: "Der er et problem" }).waitFor();
    await expectNoAxeViolations(page, "signposting administration, a group missing");
    await page.getByRole("group", { name: "Målgrupper" }).getByRole("checkbox", { name: "Ensomhed" }).check();
    await page.getByRole("button", { name: "Tilføj til søgningen" }).click();
    await page.getByRole("status").filter({ hasText: "\"Strikkecafé på biblioteket\" er tilføjet" }).waitFor();
    await page.getByText("Strikkecafé på biblioteket", { exact: true }).waitFor();

    await page.getByRole("button", { name: "Fjern – Strikkecafé på biblioteket" }).click();
    await page.getByRole("status").filter({ hasText: "er fjernet fra søgningen" }).waitFor();
    expect(await page.getByText("Strikkecafé på biblioteket", { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, "signposting administration, after removing");
  });

  test("a caseworker filters by age and finds signposting-only offers without a way to hand over", async () => {
    const { page, baseUrl } = env;
    await page.context().clearCookies();
    await signIn(page, baseUrl, CASEWORKER);
    // Ungestedet Kompasset is for 18–30: a 45-year-old is not shown it.
    await page.goto(`${baseUrl}/soeg?maalgruppe=YOUNG_ADULTS&alder=45`);
    await page.getByRole("heading", { name: "Bo- og værested Solstrejf" }).waitFor();
    expect(await page.getByRole("heading", { name: "Ungestedet Kompasset" }).count()).toBe(0);
    await page.goto(`${baseUrl}/soeg?maalgruppe=YOUNG_ADULTS&alder=22`);
    await page.getByRole("heading", { name: "Ungestedet Kompasset" }).waitFor();
    await page.getByText("for 18–30 år").first().waitFor();
    await expectNoAxeViolations(page, "centre search with an age");

    await page.goto(`${baseUrl}/soeg?fane=tilbud&maalgruppe=LONELINESS`);
    const club = page.locator("li.result-card", { has: page.getByRole("heading", { name: "Krolf for alle i Fjordby Krolfklub" }) });
    await club.getByText("Kun til henvisning", { exact: true }).waitFor();
    await club.getByRole("link", { name: "+45 70 10 40 01" }).waitFor();
    expect(await club.getByRole("link", { name: /Byg bro/ }).count()).toBe(0);
    // A service with an inbox still offers the bridge (a handover).
    const visitingFriend = page.locator("li.result-card", { has: page.getByRole("heading", { name: "Besøgsven og følgeven" }) });
    await visitingFriend.getByRole("link", { name: "Byg bro til Besøgsven og følgeven" }).waitFor();
    await expectNoAxeViolations(page, "service search with signposting-only offers");
  });
});

describe("The taxonomy on a phone (375×812)", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
  });

  afterAll(async () => {
    await env?.close();
  });

  test("the list and the forms fit, and renaming works", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, PLATFORM_ADMIN);
    await openTaxonomy(page, baseUrl);
    await expectNoAxeViolations(page, "taxonomy administration on a phone");
    await page.getByRole("button", { name: "Ret navn – Sexarbejdere" }).click();
    await page.locator("#term-SEX_WORKERS-nameEn").fill("People who sell sex");
    await page.getByRole("button", { name: "Gem navne" }).click();
    await page.getByRole("status").filter({ hasText: "er gemt" }).waitFor();
    await targetGroups(page).getByText(/People who sell sex/).waitFor();
    await expectNoAxeViolations(page, "taxonomy administration on a phone, after renaming");
    await page.goto(`${baseUrl}/administration/henvisning`);
    await page.getByText("Krolf for alle i Fjordby Krolfklub", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "signposting administration on a phone");
  });
});

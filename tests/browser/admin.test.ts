// Administration, end to end in Danish: the centre's own admin edits Værestedet Lyset's weekly
// opening hours (an overlapping period is refused at its row, then fixed), adds a closed date and a
// weekly activity, and the public centre page shows the change; the organisation admin reads the
// security log. A phone pass (375×812) goes over the opening-hours editor.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../../prisma/seed.ts";
import { expectNoAxeViolations, signIn, startBrowserEnvironment, type BrowserEnvironment, signOut } from "./support.ts";

const CENTRE_ADMIN = "leder@lyset.example";
const ORG_ADMIN = "orgadmin@fjordby.example";
const LYSET_ID = seedId("centre:lyset");

async function openCentreAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/administration`);
  await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
  await page.getByRole("link", { name: /Rediger værestedets profil og åbningstider.*Værestedet Lyset/ }).click();
  await page.getByRole("heading", { level: 1, name: "Rediger Værestedet Lyset" }).waitFor();
  await page.getByLabel("Fra (periode 1)").waitFor();
}

describe("Administration: a centre admin keeps the centre up to date", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment();
  });

  afterAll(async () => {
    await env?.close();
  });

  test("the centre admin fixes an overlapping period, adds a closed date and an activity; the public page shows them", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, CENTRE_ADMIN);
    await page.goto(`${baseUrl}/administration`);
    await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
    await page.getByRole("heading", { name: "Dine enheder" }).waitFor();
    await page.getByRole("link", { name: /Rediger værestedets profil og åbningstider/ }).waitFor();
    await expectNoAxeViolations(page, "administration with unit links");

    // The unit's members, one click away.
    await page.getByRole("link", { name: /Medarbejdere og roller.*Værestedet Lyset/ }).click();
    await page.getByRole("heading", { level: 1, name: "Medarbejdere i Værestedet Lyset" }).waitFor();
    await page.getByRole("rowheader", { name: /Mette Medarbejder/ }).waitFor();
    await expectNoAxeViolations(page, "unit members");
    await page.getByRole("button", { name: "Fjern fra enheden Mette Medarbejder" }).click();
    const dialog = page.getByRole("dialog", { name: "Fjern Mette Medarbejder fra Værestedet Lyset?" });
    await dialog.waitFor();
    await expectNoAxeViolations(page, "unit members, confirm removal");
    await dialog.getByRole("button", { name: "Annullér" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await openCentreAdmin(page, baseUrl);
    await expectNoAxeViolations(page, "centre administration");

    // Six periods today (Mon–Fri 9–15 and Thursday evening); a seventh overlaps Thursday 9–15.
    await expect.poll(() => page.locator(".admin-hours__table tbody tr").count()).toBe(6);
    await page.getByRole("button", { name: "Tilføj periode" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("hours-6-weekday");
    await page.getByLabel("Ugedag (periode 7)").selectOption({ label: "Torsdag" });
    await page.getByLabel("Fra (periode 7)").fill("14:00");
    await page.getByLabel("Til (periode 7)").fill("16:00");
    await page.getByRole("button", { name: "Gem åbningstider" }).click();

    const overlap = "Perioden overlapper en anden periode.";
    const newStart = page.getByLabel("Fra (periode 7)");
    await expect.poll(() => newStart.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await newStart.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(overlap);
    await page.getByRole("heading", { name: "Åbningstiderne blev ikke gemt" }).waitFor();
    await page.getByRole("link", { name: `Periode 7: ${overlap}` }).waitFor();
    // The other rows carry no error.
    expect(await page.getByLabel("Fra (periode 4)").getAttribute("aria-invalid")).toBeNull();
    await expectNoAxeViolations(page, "centre administration, overlapping period");

    // Fix it: Saturday 10–14 instead, staffed by volunteers.
    await page.getByLabel("Ugedag (periode 7)").selectOption({ label: "Lørdag" });
    await page.getByLabel("Fra (periode 7)").fill("10:00");
    await page.getByLabel("Til (periode 7)").fill("14:00");
    await page.getByLabel("Bemanding (periode 7)").selectOption({ label: "Frivillige" });
    await page.getByRole("button", { name: "Gem åbningstider" }).click();
    const hoursCard = page.locator("section.card", { has: page.getByRole("heading", { name: "Åbningstider hver uge" }) });
    await hoursCard.getByRole("status").filter({ hasText: "Gemt" }).waitFor();
    expect(await page.getByLabel("Fra (periode 7)").getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByLabel("Ugedag (periode 7)").inputValue()).toBe("6");

    // A closed date with a reason.
    await page.getByLabel("Dato", { exact: true }).fill("2026-12-03");
    await page.getByRole("radio", { name: "Lukket hele dagen" }).check();
    await page.getByLabel(/^Årsag/).fill("Personaledag");
    await page.getByRole("button", { name: "Tilføj dato" }).click();
    await page.getByRole("listitem").filter({ hasText: "Personaledag" }).filter({ hasText: "3. december" }).waitFor();
    await page.getByRole("status").filter({ hasText: "er tilføjet" }).waitFor();

    // A weekly activity.
    await page.getByLabel("Titel").fill("Fællessang");
    await page.getByRole("radio", { name: "På værestedet" }).check();
    await page.getByRole("radio", { name: "Hver uge" }).check();
    await page.getByLabel("Ugedag", { exact: true }).selectOption({ label: "Onsdag" });
    await page.getByLabel("Starter").fill("13:00");
    await page.getByLabel("Slutter").fill("14:30");
    await page.getByRole("button", { name: "Opret aktivitet" }).click();
    await page.getByRole("status").filter({ hasText: "\"Fællessang\" er oprettet" }).waitFor();
    await page.locator(".admin-list__item").filter({ hasText: "Fællessang" }).waitFor();
    // Public holidays: special hours, with the times asked for only then.
    const holidays = page.getByRole("group", { name: "Helligdage" });
    await holidays.getByRole("radio", { name: "Særlige åbningstider" }).check();
    await page.getByLabel("Åbner (Helligdage)").fill("11:00");
    await page.getByLabel("Lukker (Helligdage)").fill("14:00");
    await page.getByRole("button", { name: "Gem helligdage og lukkedage" }).click();
    const holidayCard = page.locator("section.card", { has: page.getByRole("heading", { name: "Helligdage og lukkedage" }) });
    await holidayCard.getByRole("status").filter({ hasText: "Gemt" }).waitFor();
    await expectNoAxeViolations(page, "centre administration, after saving");

    // The public centre page shows the new hours, the closed date and the activity.
    await page.getByRole("link", { name: "Se værestedets offentlige side" }).click();
    await page.getByRole("heading", { level: 1, name: "Værestedet Lyset" }).waitFor();
    const saturday = page.locator("table.hours-table tr", { has: page.getByRole("rowheader", { name: /Lørdag/ }) });
    await expect.poll(() => saturday.textContent()).toMatch(/10[.:]00.*14[.:]00/);
    await expect.poll(() => page.getByText("Fællessang").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Personaledag/).count()).toBeGreaterThan(0);
    expect(page.url()).toContain(`/vaerested/${LYSET_ID}`);
    await expectNoAxeViolations(page, "public centre page after the changes");
    await signOut(page);
  });

  test("the organisation admin reads sign-in events in the security log", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, ORG_ADMIN);
    await page.goto(`${baseUrl}/administration`);
    await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
    await page.getByRole("link", { name: /Se sikkerhedsloggen/ }).click();
    await page.getByRole("heading", { level: 1, name: "Sikkerhedslog" }).waitFor();
    const table = page.getByRole("table", { name: /Hændelser, side 1/ });
    await table.waitFor();
    for (const header of ["Hvornår", "Hvad", "Hvem", "Fra (IP-adresse)"]) await table.getByRole("columnheader", { name: header }).waitFor();
    await expect.poll(() => table.getByRole("rowheader", { name: "Logget ind" }).count()).toBeGreaterThan(0);
    await table.getByRole("row").filter({ hasText: "Lars Leder" }).filter({ hasText: "Logget ind" }).first().waitFor();
    await expectNoAxeViolations(page, "security log");

    // The organisation admin also keeps the housing support's intake status up to date.
    await page.getByRole("link", { name: "← Tilbage til administration" }).click();
    await page.getByRole("link", { name: /Rediger tilbuddets profil og venteliste.*Bostøtten Fjordby/ }).click();
    await page.getByRole("heading", { level: 1, name: "Rediger Bostøtten Fjordby" }).waitFor();
    await expectNoAxeViolations(page, "service administration");
    await page.getByRole("radio", { name: "Venteliste" }).check();
    await page.getByLabel(/Typisk ventetid i dage/).fill("21");
    await page.getByLabel(/Svarfrist i dage/).fill("0");
    await page.getByRole("button", { name: "Gem tilbuddet" }).click();
    await expect.poll(() => page.getByLabel(/Svarfrist i dage/).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "service administration, error");
    await page.getByLabel(/Svarfrist i dage/).fill("14");
    await page.getByRole("button", { name: "Gem tilbuddet" }).click();
    await page.getByRole("status").filter({ hasText: "Gemt" }).waitFor();
  });
});

describe("Administration on a phone (375×812)", () => {
  let env: BrowserEnvironment;

  beforeAll(async () => {
    env = await startBrowserEnvironment({ viewport: { width: 375, height: 812 } });
  });

  afterAll(async () => {
    await env?.close();
  });

  test("the opening-hours editor fits, is labelled and shows a row's error at the row", async () => {
    const { page, baseUrl } = env;
    await signIn(page, baseUrl, CENTRE_ADMIN);
    await openCentreAdmin(page, baseUrl);
    // Each period is a block with visible labels; nothing scrolls sideways.
    expect(await page.locator("label[for=hours-0-startMinute]").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "centre administration on a phone");

    await page.getByRole("button", { name: "Tilføj periode" }).click();
    await page.getByLabel("Ugedag (periode 7)").selectOption({ label: "Mandag" });
    await page.getByLabel("Fra (periode 7)").fill("08:00");
    // No end time: the row says what is missing.
    await page.getByRole("button", { name: "Gem åbningstider" }).click();
    await expect.poll(() => page.getByLabel("Til (periode 7)").getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("link", { name: "Periode 7: Skriv et klokkeslæt, fx 09:00." }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "opening-hours error on a phone");

    await page.getByRole("button", { name: "Fjern Periode 7" }).click();
    await expect.poll(() => page.locator(".admin-hours__table tbody tr").count()).toBe(6);
    await page.getByRole("button", { name: "Gem åbningstider" }).click();
    await page.getByRole("status").filter({ hasText: "Gemt" }).first().waitFor();
  });
});

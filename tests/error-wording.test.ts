// One wording for an error summary, whichever side refuses (issue 23): the server's
// ValidationError message opens with the same words as every form's summary title in the
// client, in Danish and English, because both take them from server/shared/error-wording.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { da } from "../client/src/i18n/da.ts";
import { en } from "../client/src/i18n/en.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandoverRaw } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from "./support/app.ts";

let app: TestApp;
let world: HandoverWorld;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

describe("error summaries", () => {
  it("read the same on the server and in the client, in both languages", async () => {
    expect(da["errors.summaryTitle"]).toBe("Der er et problem");
    expect(en["errors.summaryTitle"]).toBe("There is a problem");
    const response = await createHandoverRaw(world.staff, { fromUnitId: world.centreUnitId, toUnitId: world.serviceUnitId, purpose: "", helpCategories: [] });
    const result = (response.data as { createHandover: { __typename: string; message: string; messageDa: string } }).createHandover;
    expect(result.__typename).toBe("ValidationError");
    expect(result.messageDa.startsWith(`${da["errors.summaryTitle"]}: `), result.messageDa).toBe(true);
    expect(result.message.startsWith(`${en["errors.summaryTitle"]}: `), result.message).toBe(true);
    // No other style is left on the server: not the old "Tjek venligst:" / "Please check:".
    expect(`${result.messageDa} ${result.message}`).not.toMatch(/Tjek venligst|Please check/);
  });
});

// Temporary: shoots the 50–79 screens to /tmp for a visual check (deleted after use).
import { it } from "vitest";
import { SCREENS } from "./screens.ts";
import { signIn, startBrowserEnvironment } from "./support.ts";

it("captures 50–79", async () => {
  for (const viewport of [{ name: "desktop", width: 1280, height: 900 }, { name: "phone", width: 375, height: 812 }]) {
    const environment = await startBrowserEnvironment({ viewport });
    try {
      for (const screen of SCREENS.filter((entry) => /^[567]\d-/.test(entry.name) && (viewport.name === "desktop" || entry.phone))) {
        await environment.context.clearCookies();
        if (screen.as) await signIn(environment.page, environment.baseUrl, screen.as);
        await environment.page.goto(`${environment.baseUrl}${screen.path}`);
        await environment.page.waitForLoadState("networkidle");
        if (screen.prepare) await screen.prepare(environment.page);
        await environment.page.screenshot({ path: `/tmp/shots/${screen.name}-${viewport.name}.png`, fullPage: true });
      }
    } finally {
      await environment.close();
    }
  }
}, 600_000);

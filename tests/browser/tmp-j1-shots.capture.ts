import { mkdirSync } from "node:fs";
import { it } from "vitest";
import { SCREENS } from "./screens.ts";
import { signIn, startBrowserEnvironment } from "./support.ts";

mkdirSync("/tmp/shots", { recursive: true });
it("captures j1 screens", async () => {
  for (const viewport of [{ name: "desktop", width: 1280, height: 900 }, { name: "phone", width: 375, height: 812 }]) {
    const environment = await startBrowserEnvironment({ viewport });
    try {
      for (const screen of SCREENS.filter((entry) => /^(1\d|2\d)-/.test(entry.name)).filter((entry) => viewport.name === "desktop" || entry.phone)) {
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

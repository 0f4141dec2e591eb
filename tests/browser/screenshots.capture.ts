// npm run screenshots: a PNG of every screen in docs/screenshots/, against the demo data.
// Runs under vitest (for the database template); needs a built client and Debian's chromium.
import { mkdirSync } from "node:fs";
import { it } from "vitest";
import path from "node:path";
import { SCREENS } from "./screens.ts";
import { signIn, startBrowserEnvironment } from "./support.ts";

const outputFolder = path.resolve(import.meta.dirname, "../../docs/screenshots");
mkdirSync(outputFolder, { recursive: true });

it("captures every screen", async () => {
for (const viewport of [{ name: "desktop", width: 1280, height: 900 }, { name: "phone", width: 375, height: 812 }]) {
  const environment = await startBrowserEnvironment({ viewport });
  try {
    for (const screen of SCREENS.filter((entry) => viewport.name === "desktop" || entry.phone)) {
      await environment.context.clearCookies();
      if (screen.as) await signIn(environment.page, environment.baseUrl, screen.as);
      await environment.page.goto(`${environment.baseUrl}${screen.path}`);
      await environment.page.waitForLoadState("networkidle");
      if (screen.prepare) await screen.prepare(environment.page);
      const file = path.join(outputFolder, `${screen.name}${viewport.name === "phone" ? "-phone" : ""}.png`);
      await environment.page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await environment.close();
  }
}
}, 600_000);

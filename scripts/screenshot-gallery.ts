// Prints the README's screenshot gallery (Markdown) from tests/browser/screens.ts.
import { existsSync } from "node:fs";
import { SCREENS } from "../tests/browser/screens.ts";

for (const screen of SCREENS) {
  const file = `docs/screenshots/${screen.name}.png`;
  if (!existsSync(file)) continue;
  const phone = `docs/screenshots/${screen.name}-phone.png`;
  console.log(`- **${screen.title}** — [${screen.name}.png](${file})${existsSync(phone) ? ` · [phone](${phone})` : ""}`);
}

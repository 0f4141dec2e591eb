// Every screen of the client, for screenshots (and the README's gallery).
import type { Page } from "playwright-core";

export interface Screen {
  name: string;
  title: string;
  path: string;
  /** Demo login e-mail to sign in with first, if the screen needs one. */
  as?: string;
  /** Also shoot it at phone width. */
  phone?: boolean;
  prepare?(page: Page): Promise<void>;
}

export const SCREENS: Screen[] = [
  { name: "01-home", title: "Forside", path: "/", phone: true },
  { name: "02-accessibility-statement", title: "Tilgængelighedserklæring", path: "/tilgaengelighed" },
];

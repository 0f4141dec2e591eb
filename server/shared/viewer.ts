import type { Viewer } from "../graphql/context.ts";
import { NotAuthenticatedError } from "./errors.ts";

/** The viewer of a request whose scope already demands a signed-in user. */
export function requireViewer(context: { viewer: Viewer | null }): Viewer {
  if (!context.viewer) throw new NotAuthenticatedError();
  return context.viewer;
}

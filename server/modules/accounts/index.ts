// What other modules may use of accounts.

// Accepting a volunteer's application gives them an account or a membership (volunteers).
export { type Actor, addVolunteerMembership, type PasswordLink, passwordLinkOnScreen } from "./accounts.commands.ts";
// A form that takes an e-mail address reads it the way sign-in does (volunteers).
export { normaliseEmail } from "./sign-in.commands.ts";
// Routes outside GraphQL resolve the signed-in viewer from the session cookie (opendata).
export { resolveViewer, SESSION_COOKIE } from "./session.ts";
// The signed-in viewer's type, which other modules extend with their own fields (volunteers).
export { MeRef } from "./me.schema.ts";

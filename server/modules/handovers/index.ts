// What other modules may use of handovers.

// A citizen withdraws their own handover with the code they were given (citizen).
export { normalizeHandoverCode } from "./handover-code.ts";
export { withdrawByCitizen } from "./handover.commands.ts";
// A handover's enums, which the citizen's view of it shows too (citizen).
export { CitizenActionEnum, ConsentFieldEnum, ConsentMethodEnum, ContactChannelEnum, HandoverStatusEnum, HelpCategoryEnum } from "./handover.schema.ts";
// Exports of handovers read only what the viewer may see, and log that they read it (opendata).
export { handoverWhereVisibleTo } from "./handover.policy.ts";
export { recordPersonalDataAccess } from "./handover.commands.ts";

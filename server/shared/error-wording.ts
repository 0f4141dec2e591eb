// The one wording of an error summary, shared by the server (a ValidationError's message) and
// the client (every form's ErrorSummary title), so a user meets one style whichever side
// refused: "Der er et problem" (GOV.UK's "There is a problem"), then what to fix. Field
// messages keep the hidden "Fejl:" prefix a screen reader announces before each one.
export const ERROR_SUMMARY_TITLE = { da: "Der er et problem", en: "There is a problem" } as const;

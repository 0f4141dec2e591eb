// Expected failures of the insights module (code listed in ERROR_CODES in shared/errors.ts).
import { DomainError } from "../../shared/errors.ts";

/** A survey answered before it opens or after it closes. */
export class SurveyClosedError extends DomainError {
  constructor() {
    super("SURVEY_CLOSED", {
      da: "Undersøgelsen er ikke åben for svar lige nu. Tak fordi du ville svare.",
      en: "The survey is not open for answers right now. Thank you for wanting to answer.",
    });
  }
}

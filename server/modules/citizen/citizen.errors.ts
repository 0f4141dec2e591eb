// Expected failures of the citizen's page (code listed in ERROR_CODES in shared/errors.ts).
import { DomainError } from "../../shared/errors.ts";

/**
 * One answer for a wrong link, a wrong code, a wrong PIN and too many tries, so an answer never
 * tells whether a code exists. The text tells the citizen what to do instead.
 */
export class CitizenAccessDeniedError extends DomainError {
  constructor() {
    super("CITIZEN_ACCESS_DENIED", {
      da: "Vi kan ikke finde en henvendelse med det. Tjek koden og pinkoden på din kvittering, eller vent lidt og prøv igen. Du kan altid spørge på værestedet.",
      en: "We cannot find a handover with that. Check the code and PIN on your receipt, or wait a while and try again. You can always ask at the centre.",
    });
  }
}

// Sign-in failure. Deliberately vague: it never says whether the e-mail address exists or the account is locked.
import { DomainError } from "../../shared/errors.ts";

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super("INVALID_CREDENTIALS", {
      da: "E-mail eller adgangskode er forkert.",
      en: "The e-mail or password is wrong.",
    });
  }
}

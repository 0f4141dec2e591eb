// Sign-in failures. Both are deliberately vague about whether the e-mail address exists.
import { DomainError } from "../../shared/errors.ts";

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super("INVALID_CREDENTIALS", {
      da: "E-mail eller adgangskode er forkert.",
      en: "The e-mail or password is wrong.",
    });
  }
}

const copenhagenTime = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", hour: "2-digit", minute: "2-digit" });

export class AccountLockedError extends DomainError {
  readonly lockedUntil: Date;
  constructor(lockedUntil: Date, now: Date) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
    const time = copenhagenTime.format(lockedUntil);
    super("ACCOUNT_LOCKED", {
      da: `Kontoen er midlertidigt låst efter for mange mislykkede forsøg. Prøv igen om ${minutes} min. (kl. ${time}).`,
      en: `The account is locked for a while after too many failed attempts. Try again in ${minutes} min. (at ${time} Danish time).`,
    });
    this.lockedUntil = lockedUntil;
  }
}

// Errors only the volunteers module raises.
import { DomainError } from "../../shared/errors.ts";

/** Every place of the asked role on the shift is taken (possibly a moment ago, by someone else). */
export class ShiftFullError extends DomainError {
  constructor() {
    super("SHIFT_FULL", {
      da: "Der er ikke flere ledige pladser i den rolle på vagten. Vælg en anden rolle eller vagt.",
      en: "There are no free places left in that role on this shift. Choose another role or shift.",
    });
  }
}

/** Only staff and volunteers marked as trained key holders may take a key-holder place. */
export class NotKeyHolderError extends DomainError {
  constructor() {
    super("NOT_KEY_HOLDER", {
      da: "Kun ansatte og frivillige, som værestedets administrator har markeret som uddannede nøglebærere, kan tage en nøglebærerplads.",
      en: "Only staff and volunteers marked as trained key holders by the centre's administrator can take a key-holder place.",
    });
  }
}

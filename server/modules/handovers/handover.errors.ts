// Errors only the handovers module raises.
import { DomainError } from "../../shared/errors.ts";

const FIELD_NAMES = {
  FIRST_NAME: { da: "fornavn", en: "first name" },
  PHONE: { da: "telefonnummer", en: "phone number" },
  EMAIL: { da: "e-mail", en: "e-mail" },
  NOTE: { da: "note", en: "note" },
} as const;

export type ConsentFieldName = keyof typeof FIELD_NAMES;

/** Personal data was given for a field the citizen's consent does not cover. */
export class ConsentMissingError extends DomainError {
  readonly field: ConsentFieldName;
  constructor(field: ConsentFieldName) {
    super("CONSENT_MISSING", {
      da: `Borgerens samtykke dækker ikke ${FIELD_NAMES[field].da}. Udfyld kun felter, som borgeren har sagt ja til at dele, eller opdater samtykket.`,
      en: `The citizen's consent does not cover ${FIELD_NAMES[field].en}. Fill in only fields the citizen agreed to share, or update the consent.`,
    });
    this.field = field;
  }
}

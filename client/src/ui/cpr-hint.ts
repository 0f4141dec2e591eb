// The client side of the CPR guard: the same rule and the same words as the server's refusal,
// imported from the one definition in server/shared, shown while the user types. The server
// stays the authority; this only saves a round trip and keeps the number off later screens.
import { CPR_REFUSED_MESSAGE, findCprLikeNumber } from "../../../server/shared/cpr-guard.ts";
import { useLanguage } from "../i18n/i18n.tsx";

export { findCprLikeNumber };

/** The refusal text in the current language when `text` holds a CPR-like number, else null. */
export function useCprHint(text: string | null | undefined, enabled = true): string | null {
  const { language } = useLanguage();
  if (!enabled || !text || !findCprLikeNumber(text)) return null;
  return CPR_REFUSED_MESSAGE[language];
}

/** For form validation before a step moves on: the refusal text, or null when the text is clean. */
export function cprMessage(text: string | null | undefined, language: "da" | "en"): string | null {
  return text && findCprLikeNumber(text) ? CPR_REFUSED_MESSAGE[language] : null;
}

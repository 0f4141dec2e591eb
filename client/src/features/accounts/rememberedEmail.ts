// Carries the e-mail from "password saved" to the sign-in form for this tab only, so it never
// appears in a URL (and so never in server logs or browser history).
const KEY = "traedesten.signInEmail";

export function rememberEmail(email: string) {
  try {
    window.sessionStorage.setItem(KEY, email);
  } catch {
    // The person types it in instead.
  }
}

export function readRememberedEmail(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetRememberedEmail() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

// The consent text an applicant accepts before sending an application. Versioned: an
// application stores the version it was given under, so a later wording change is traceable.
export const VOLUNTEER_CONSENT = {
  version: "2026-12-v1",
  da: "Jeg giver samtykke til, at værestedet gemmer mit navn, mine kontaktoplysninger og min besked for at kunne svare på min henvendelse om at blive frivillig. Oplysningerne bliver slettet automatisk efter {days} dage, medmindre jeg bliver frivillig. Jeg kan til enhver tid trække samtykket tilbage ved at kontakte værestedet. Skriv ikke CPR-nummer eller helbredsoplysninger.",
  en: "I consent to the centre storing my name, contact details and message in order to answer my enquiry about volunteering. The details are deleted automatically after {days} days unless I become a volunteer. I can withdraw my consent at any time by contacting the centre. Do not write a CPR number or health information.",
} as const;

export function consentText(retentionDays: number): { version: string; da: string; en: string } {
  return {
    version: VOLUNTEER_CONSENT.version,
    da: VOLUNTEER_CONSENT.da.replace("{days}", String(retentionDays)),
    en: VOLUNTEER_CONSENT.en.replace("{days}", String(retentionDays)),
  };
}

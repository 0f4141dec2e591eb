import { ERROR_SUMMARY_TITLE } from "../../../server/shared/error-wording.ts";
import { accountsDa } from "../features/accounts/messages.ts";
import { directoryDa } from "../features/directory/messages.ts";
import { handoversDa } from "../features/handovers/messages.ts";
import { visitsDa } from "../features/visits/messages.ts";
import { insightsDa } from "../features/insights/messages.ts";
import { adminProfileDa } from "../features/admin-profile/messages.ts";
import { notificationsDa } from "../features/notifications/messages.ts";
import { volunteersDa } from "../features/volunteers/messages.ts";
import { steeringDa } from "../features/steering/messages.ts";
import { calendarDa } from "../features/calendar/messages.ts";
// Danish is the default language and the source of truth: en.ts must define exactly these keys.
// Placeholders are written {name} and filled in by t(key, { name }).
export const da = {
  "app.name": "Trædesten",
  "app.tagline": "Værestederne, tilbuddene og sagsbehandlerne i fællesskab",

  "layout.skipLink": "Spring til indhold",
  "layout.menu": "Menu",
  "layout.navigationLabel": "Hovedmenu",
  "layout.footerLabel": "Om Trædesten",
  "layout.footerText": "Trædesten er kommunens fælles system for væresteder, tilbud og sagsbehandlere. Borgere kan altid bruge værestederne anonymt.",

  "nav.home": "Forside",
  "nav.search": "Find værested",
  "nav.handovers": "Overleveringer",
  "nav.visits": "Besøg",
  "nav.overview": "Overblik",
  "nav.signIn": "Log ind",
  "nav.accessibility": "Tilgængelighedserklæring",

  "language.switchTo": "English",
  "language.switchToLang": "en",

  "common.loading": "Indlæser …",
  "common.close": "Luk",
  "common.optional": "(valgfrit)",
  "common.errorPrefix": "Fejl:",
  "common.retry": "Prøv igen",
  "common.underConstruction": "Denne side er under udvikling.",
  "common.backToHome": "Gå til forsiden",

  "errors.summaryTitle": ERROR_SUMMARY_TITLE.da,
  "errors.network": "Vi kunne ikke få forbindelse til Trædesten. Tjek din internetforbindelse, og prøv igen.",
  "errors.http": "Serveren svarede med en fejl ({status}). Prøv igen om lidt.",
  "errors.busy": "Systemet har travlt lige nu, og intet blev gemt. Vent et øjeblik og prøv igen.",
  "errors.unexpected": "Der skete en uventet fejl. Prøv igen. Kontakt support, hvis fejlen bliver ved.",
  "errors.unexpectedResult": "Serveren svarede på en måde, vi ikke forventede ({typename}). Prøv igen.",
  "errors.checkFields": "Ret de markerede felter, og prøv igen.",

  "notFound.title": "Siden findes ikke",
  "notFound.body": "Vi kan ikke finde den side, du leder efter. Tjek adressen, eller gå til forsiden.",

  "home.title": "Velkommen til Trædesten",
  "home.lead": "Trædesten samler kommunens væresteder, tilbuddene omkring dem og sagsbehandlerne, så borgere kan finde et sted at være – og komme videre til den hjælp, de selv ønsker.",
  "home.anonymous": "Værestederne er uvisiterede: Borgere kan bruge dem anonymt, og Trædesten spørger aldrig efter CPR-nummer.",
  "home.tasksTitle": "Det kan du bruge Trædesten til",
  "home.find.title": "Find et værested til en borger",
  "home.find.body": "Søg efter målgruppe, hvad borgeren ønsker (et måltid, fællesskab, rådgivning eller en aktivitet), hvornår der er åbent, afstand, tilgængelighed og sprog. Hvert resultat viser, hvorfor det passer, og du kan printe eller dele et værestedskort uden personoplysninger.",
  "home.find.link": "Søg blandt værestederne",
  "home.handovers.title": "Byg bro til et tilbud",
  "home.handovers.body": "Send en overlevering til et tilbud eller et andet værested. Som udgangspunkt er den anonym: Borgeren får en kort kode i stedet for at opgive sit navn, og kun de oplysninger, borgeren har givet samtykke til, bliver delt.",
  "home.handovers.link": "Gå til overleveringer",
  "home.visits.title": "Book tid på et værested",
  "home.visits.body": "Tilbud kan booke enkelte tider eller faste forløb i værestedernes lokaler, så hjælpen kommer derhen, hvor borgerne allerede er. Værestedet godkender, og begge kan abonnere på kalenderen.",
  "home.visits.link": "Gå til besøg",
  "home.overview.title": "Overblik for koordinatorer",
  "home.overview.body": "Se åbningstider på tværs af værestederne og målgrupperne, find hullerne, og følg tal på værestedsniveau – aldrig om enkeltpersoner. Små tal vises ikke.",
  "home.overview.link": "Gå til overblik",
  "home.signIn.title": "For medarbejdere",
  "home.signIn.body": "Medarbejdere på værestederne, i tilbuddene og i sagsbehandlerteams logger ind for at sende og modtage overleveringer, booke besøg og se overblikket.",
  "home.signIn.link": "Log ind",

  "search.title": "Find et værested",
  "handovers.title": "Overleveringer",
  "visits.title": "Besøg på værestederne",
  "overview.title": "Overblik",
  "signIn.title": "Log ind",

  "accessibility.title": "Tilgængelighedserklæring for Trædesten",
  "accessibility.demoNoticeTitle": "Demoversion",
  "accessibility.demoNotice": "Kontaktoplysningerne på denne side er eksempler og hører ikke til en rigtig kommune. Når Trædesten tages i brug, skal kommunen offentliggøre sin erklæring i Digitaliseringsstyrelsens WAS-Tool og indsætte sine egne kontaktoplysninger her.",
  "accessibility.intro": "{authority} forpligter sig til at gøre Trædesten tilgængelig i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven, lov nr. 692 af 8. juni 2018).",
  "accessibility.authority": "Eksempel Kommune (demo)",
  "accessibility.scopeTitle": "Hvad erklæringen dækker",
  "accessibility.scopeBody": "Erklæringen gælder webløsningen Trædesten: søgning blandt værestederne og værestedskort, overleveringer mellem væresteder, tilbud og sagsbehandlere, booking af besøg og overblikket for koordinatorer. Den gælder både de sider, alle kan se, og de sider, medarbejdere ser efter login.",
  "accessibility.scopeFiles": "Kalenderabonnementer (iCalendar) og CSV-filer er datafiler, som du åbner i dine egne programmer. Hvor tilgængelige de er, afhænger af de programmer.",
  "accessibility.statusTitle": "Overholdelsesstatus",
  "accessibility.statusBody": "Trædesten overholder delvist den harmoniserede standard EN 301 549, som for websteder svarer til WCAG 2.1 på niveau AA. Delvist betyder, at de fleste krav er opfyldt, men ikke alle.",
  "accessibility.statusReason": "Vi angiver delvis overholdelse, fordi løsningen er ny, ikke er gennemgået af en ekstern part, og fordi vi kender til de begrænsninger, der står nedenfor.",
  "accessibility.limitationsTitle": "Indhold, der ikke er fuldt tilgængeligt",
  "accessibility.limitationScreenReaders": "Løsningen er endnu ikke testet med alle udbredte skærmlæsere (fx NVDA, JAWS og VoiceOver). Der kan derfor være fejl, som kun viser sig, når man bruger skærmlæser.",
  "accessibility.limitationTables": "Store tabeller i overblikket for koordinatorer, fx åbningstider fordelt på ugedag og time, kan være tunge at navigere med skærmlæser og ved kraftig forstørrelse. Tallene kan også hentes som CSV-fil.",
  "accessibility.testingTitle": "Sådan har vi vurderet tilgængeligheden",
  "accessibility.testingIntro": "Vi har selv evalueret løsningen (egenevaluering) på disse måder:",
  "accessibility.testingAxe": "Automatiske tjek med axe-core mod WCAG 2.1 niveau A og AA i browsertests af de centrale forløb: find et værested, send og modtag en overlevering, book et besøg og se overblikket. En test fejler, hvis axe-core finder overtrædelser.",
  "accessibility.testingKeyboard": "Manuelle tjek med tastatur alene: Alle funktioner skal kunne nås og betjenes uden mus, fokus skal altid være synligt, og fokus flyttes til sidens overskrift, når man skifter side.",
  "accessibility.testingZoom": "Visning ved 200 % zoom og på en skærm, der kun er 375 pixel bred, uden at indhold eller funktioner går tabt.",
  "accessibility.testingContrast": "Farvekontrast på mindst 4,5:1 for tekst og 3:1 for fokusmarkering, knapper og feltkanter.",
  "accessibility.testingLimits": "Automatiske værktøjer finder kun en del af de mulige fejl. Derfor supplerer vi dem med manuelle tjek.",
  "accessibility.feedbackTitle": "Feedback og kontaktoplysninger",
  "accessibility.feedbackBody": "Oplever du indhold, der ikke er tilgængeligt, eller har du brug for oplysningerne i et andet format, så kontakt os. Vi svarer inden for 10 arbejdsdage.",
  "accessibility.contactName": "Trædesten-sekretariatet, Eksempel Kommune (demo – ikke en rigtig modtager)",
  "accessibility.contactEmailLabel": "E-mail",
  "accessibility.contactEmail": "tilgaengelighed@kommune.example",
  "accessibility.contactPhoneLabel": "Telefon",
  "accessibility.contactPhone": "00 00 00 00 (demo)",
  "accessibility.feedbackPrivacy": "Skriv ikke CPR-nummer, helbredsoplysninger eller andre fortrolige oplysninger i din henvendelse.",
  "accessibility.enforcementTitle": "Håndhævelsesprocedure",
  "accessibility.enforcementBody": "Digitaliseringsstyrelsen fører tilsyn med, at offentlige organer overholder webtilgængelighedsloven. Kontakt altid os først. Har du ikke fået svar inden for 10 arbejdsdage, eller er du ikke tilfreds med svaret, kan du henvende dig til Digitaliseringsstyrelsen.",
  "accessibility.enforcementLink": "Sådan henvender du dig til Digitaliseringsstyrelsen (digst.dk)",
  "accessibility.preparationTitle": "Udarbejdelse af erklæringen",
  "accessibility.preparationBody": "Erklæringen blev udarbejdet den {prepared} på grundlag af egenevaluering og senest gennemgået den {reviewed}. Vi opdaterer den, når løsningen ændres, og mindst én gang om året.",
  ...accountsDa,
  ...directoryDa,
  ...handoversDa,
  ...visitsDa,
  ...insightsDa,
  ...adminProfileDa,
  ...notificationsDa,
  ...volunteersDa,
  ...steeringDa,
  ...calendarDa,
};

export type MessageKey = keyof typeof da;
export type Messages = Record<MessageKey, string>;

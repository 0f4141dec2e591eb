import { ERROR_SUMMARY_TITLE } from "../../../server/shared/error-wording.ts";
import type { Messages } from "./da.ts";
import { accountsEn } from "../features/accounts/messages.en.ts";
import { directoryEn } from "../features/directory/messages.en.ts";
import { handoversEn } from "../features/handovers/messages.en.ts";
import { visitsEn } from "../features/visits/messages.en.ts";
import { insightsEn } from "../features/insights/messages.en.ts";
import { adminProfileEn } from "../features/admin-profile/messages.en.ts";
import { notificationsEn } from "../features/notifications/messages.en.ts";
import { volunteersEn } from "../features/volunteers/messages.en.ts";
import { steeringEn } from "../features/steering/messages.en.ts";
import { calendarEn } from "../features/calendar/messages.en.ts";

// Typed as Messages, so a key missing here or not present in da.ts is a type error.
export const en: Messages = {
  "app.name": "Trædesten",
  "app.tagline": "Drop-in centres, services and caseworkers working together",

  "layout.skipLink": "Skip to content",
  "layout.menu": "Menu",
  "layout.navigationLabel": "Main menu",
  "layout.footerLabel": "About Trædesten",
  "layout.footerText": "Trædesten is the municipality's shared system for drop-in centres, services and caseworkers. Citizens can always use the centres anonymously.",

  "nav.home": "Home",
  "nav.search": "Find a centre",
  "nav.handovers": "Handovers",
  "nav.visits": "Visits",
  "nav.overview": "Overview",
  "nav.signIn": "Sign in",
  "nav.accessibility": "Accessibility statement",

  "language.switchTo": "Dansk",
  "language.switchToLang": "da",

  "common.loading": "Loading …",
  "common.close": "Close",
  "common.optional": "(optional)",
  "common.errorPrefix": "Error:",
  "common.retry": "Try again",
  "common.underConstruction": "This page is being built.",
  "common.backToHome": "Go to the home page",

  "errors.summaryTitle": ERROR_SUMMARY_TITLE.en,
  "errors.network": "We could not reach Trædesten. Check your internet connection and try again.",
  "errors.http": "The server responded with an error ({status}). Please try again shortly.",
  "errors.busy": "The system is busy right now and nothing was saved. Wait a moment and try again.",
  "errors.unexpected": "Something unexpected went wrong. Please try again, and contact support if it keeps happening.",
  "errors.unexpectedResult": "The server answered in a way we did not expect ({typename}). Please try again.",
  "errors.checkFields": "Correct the highlighted fields and try again.",

  "notFound.title": "Page not found",
  "notFound.body": "We cannot find the page you are looking for. Check the address, or go to the home page.",

  "home.title": "Welcome to Trædesten",
  "home.lead": "Trædesten brings together the municipality's drop-in centres, the services around them and caseworkers, so citizens can find a place to be – and move on to the help they want.",
  "home.anonymous": "The centres are open without referral: citizens can use them anonymously, and Trædesten never asks for a CPR number.",
  "home.tasksTitle": "What you can do with Trædesten",
  "home.find.title": "Find a centre for a citizen",
  "home.find.body": "Search by target group, what the citizen wants (a meal, community, advice or an activity), opening hours, distance, accessibility and language. Each result says why it matches, and you can print or share a centre card without any personal data.",
  "home.find.link": "Search the centres",
  "home.handovers.title": "Bridge to a service",
  "home.handovers.body": "Send a handover to a service or another centre. It is anonymous by default: the citizen carries a short code instead of giving their name, and only the details the citizen has consented to share are shared.",
  "home.handovers.link": "Go to handovers",
  "home.visits.title": "Book time at a centre",
  "home.visits.body": "Services can book single slots or weekly series in the centres' rooms, so help comes to where citizens already are. The centre approves, and both can subscribe to the calendar.",
  "home.visits.link": "Go to visits",
  "home.overview.title": "Overview for coordinators",
  "home.overview.body": "See opening hours across centres and target groups, find the gaps, and follow figures at centre level – never about individuals. Small counts are hidden.",
  "home.overview.link": "Go to the overview",
  "home.signIn.title": "For staff",
  "home.signIn.body": "Staff at the centres, in the services and in caseworker teams sign in to send and receive handovers, book visits and see the overview.",
  "home.signIn.link": "Sign in",

  "search.title": "Find a centre",
  "handovers.title": "Handovers",
  "visits.title": "Visits at the centres",
  "overview.title": "Overview",
  "signIn.title": "Sign in",

  "accessibility.title": "Accessibility statement for Trædesten",
  "accessibility.demoNoticeTitle": "Demo version",
  "accessibility.demoNotice": "The contact details on this page are examples and do not belong to a real municipality. When Trædesten goes into use, the municipality must publish its statement in the Danish Agency for Digital Government's WAS-Tool and put its own contact details here.",
  "accessibility.intro": "{authority} is committed to making Trædesten accessible in accordance with the Danish act on the accessibility of public sector bodies' websites and mobile applications (Act no. 692 of 8 June 2018).",
  "accessibility.authority": "Example Municipality (demo)",
  "accessibility.scopeTitle": "What this statement covers",
  "accessibility.scopeBody": "This statement applies to the Trædesten web application: searching the drop-in centres and centre cards, handovers between centres, services and caseworkers, booking visits, and the coordinators' overview. It covers both the pages everyone can see and the pages staff see after signing in.",
  "accessibility.scopeFiles": "Calendar subscriptions (iCalendar) and CSV files are data files that you open in your own programs. How accessible they are depends on those programs.",
  "accessibility.statusTitle": "Compliance status",
  "accessibility.statusBody": "Trædesten is partially compliant with the harmonised standard EN 301 549, which for websites corresponds to WCAG 2.1 level AA. Partially means that most requirements are met, but not all.",
  "accessibility.statusReason": "We state partial compliance because the application is new, has not been reviewed by an external party, and because of the known limitations listed below.",
  "accessibility.limitationsTitle": "Content that is not fully accessible",
  "accessibility.limitationScreenReaders": "The application has not yet been tested with all common screen readers (such as NVDA, JAWS and VoiceOver). There may be problems that only appear when using a screen reader.",
  "accessibility.limitationTables": "Large tables in the coordinators' overview, such as opening hours by weekday and hour, can be heavy to navigate with a screen reader and at high magnification. The figures can also be downloaded as a CSV file.",
  "accessibility.testingTitle": "How we assessed accessibility",
  "accessibility.testingIntro": "We evaluated the application ourselves (self-assessment) in these ways:",
  "accessibility.testingAxe": "Automatic checks with axe-core against WCAG 2.1 levels A and AA in browser tests of the main journeys: finding a centre, sending and receiving a handover, booking a visit and viewing the overview. A test fails if axe-core finds violations.",
  "accessibility.testingKeyboard": "Manual checks using only the keyboard: every function must be reachable and usable without a mouse, focus must always be visible, and focus moves to the page heading when you change page.",
  "accessibility.testingZoom": "Display at 200% zoom and on a screen only 375 pixels wide, without losing content or functions.",
  "accessibility.testingContrast": "Colour contrast of at least 4.5:1 for text and 3:1 for focus indicators, buttons and field borders.",
  "accessibility.testingLimits": "Automatic tools find only some of the possible problems, so we supplement them with manual checks.",
  "accessibility.feedbackTitle": "Feedback and contact information",
  "accessibility.feedbackBody": "If you find content that is not accessible, or you need the information in another format, please contact us. We reply within 10 working days.",
  "accessibility.contactName": "The Trædesten secretariat, Example Municipality (demo – not a real recipient)",
  "accessibility.contactEmailLabel": "Email",
  "accessibility.contactEmail": "tilgaengelighed@kommune.example",
  "accessibility.contactPhoneLabel": "Phone",
  "accessibility.contactPhone": "00 00 00 00 (demo)",
  "accessibility.feedbackPrivacy": "Do not include a CPR number, health information or other confidential information in your message.",
  "accessibility.enforcementTitle": "Enforcement procedure",
  "accessibility.enforcementBody": "The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises public sector bodies' compliance with the web accessibility act. Always contact us first. If you have not had a reply within 10 working days, or you are not satisfied with the reply, you can contact the Agency for Digital Government.",
  "accessibility.enforcementLink": "How to contact the Agency for Digital Government (digst.dk, in Danish)",
  "accessibility.preparationTitle": "Preparation of this statement",
  "accessibility.preparationBody": "This statement was prepared on {prepared} based on a self-assessment and last reviewed on {reviewed}. We update it when the application changes, and at least once a year.",
  ...accountsEn,
  ...directoryEn,
  ...handoversEn,
  ...visitsEn,
  ...insightsEn,
  ...adminProfileEn,
  ...notificationsEn,
  ...volunteersEn,
  ...steeringEn,
  ...calendarEn,
};

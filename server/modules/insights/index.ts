// What other modules may use of insights.

// Every published figure is suppressed, shown and exported the same way (citizen, handovers, steering).
export { csvValueOf, type Figure, type FigureUnit, hoursFigure, NOT_AVAILABLE_DISPLAY, rateFigure, scoreFigure, suppress, SUPPRESSED_DISPLAY, SUPPRESSION_THRESHOLD } from "./suppression.ts";
export { FigureRef, FigureSetRef } from "./insights.schema.ts";
// An area's figures and the periods they are counted over, which steering follows over time (steering).
export { FIGURE_DEFINITIONS, FIGURE_KEYS, type FigureKey } from "./figure-definitions.ts";
export { checkPeriod, dateColumn, findAreaFigures, type FigureSet, type Period } from "./figures.ts";
// The wellbeing survey, which steering's area survey extends (steering).
export { questionFields, SurveyQuestionKindEnum, SurveyRef, SurveyRoundEnum } from "./survey.schema.ts";
// Who may read or manage a centre's figures (steering).
export { centreAdminScopes, centreReaderScopes } from "./insights.policy.ts";

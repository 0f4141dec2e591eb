export const TARGET_GROUPS = [
  "MENTAL_VULNERABILITY",
  "COGNITIVE_DISABILITY",
  "ADDICTION",
  "HOMELESSNESS",
  "YOUNG_ADULTS",
  "ADULTS",
  "LONELINESS",
] as const;

export type TargetGroup = (typeof TARGET_GROUPS)[number];

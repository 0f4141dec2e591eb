// Weekdays in the order the administration forms list them (ISO: 1 = Monday).
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

// Input rules shared by the visits module's schema files.
import { z } from "zod";

export const id = z.string().min(1).max(100);
/** Minutes after Copenhagen midnight; 1440 is 24:00. */
export const minute = z.number().int().min(0).max(1440);
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = z.number().int().min(1).max(7);
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const reason = z.string().trim().min(1).max(1000);

// Names people give things (users, teams, channels, reasons, segments, KPIs) are shown side by side
// to everyone, so they must look like what they are. NFKC folds compatibility forms (full-width
// letters, ligatures) into the plain ones; invisible characters (zero-width spaces and joiners,
// soft hyphens, word joiners, BOM) are removed, so "Phone\u200B" is stored as "Phone" and meets
// the existing "Phone" as a duplicate; direction controls (which can show "gnp.exe" as "exe.png")
// and other control characters are refused outright.
import { z } from 'zod';

const INVISIBLE =
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u2064\u206A-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** The name as it is stored: NFKC, invisible characters removed, spaces collapsed. */
export function normaliseName(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** How names are compared for duplicates: as stored, ignoring case. */
export function nameKeyOf(value: string): string {
  return normaliseName(value).toLowerCase();
}

/** A zod field for a name: refuses direction and control characters, then normalises. */
export function nameField(options: { min?: number; max: number; empty: string; tooLong: string; tooShort?: string }) {
  return z
    .string({ error: options.empty })
    .refine((v) => !DIRECTION.test(v), 'Remove the text-direction control characters from the name.')
    .refine((v) => !CONTROL.test(v), 'Remove the control characters (line breaks, tabs) from the name.')
    .transform(normaliseName)
    .pipe(
      z
        .string()
        .min(1, options.empty)
        .min(options.min ?? 1, options.tooShort ?? options.empty)
        .max(options.max, options.tooLong),
    );
}

// The shape of one month's figures as the API, the CSV imports and the export speak it: items
// by name (matched case-insensitively), so a help desk can push figures without knowing ids.
import { z } from 'zod';
import { nameKeyOf, normaliseName } from '../names';

const count = z
  .number({ error: 'Must be a number.' })
  .int('Must be a whole number.')
  .min(0, 'Must not be negative.')
  .max(1_000_000_000, 'Too large.');
const name = z
  .string()
  .trim()
  .min(1, 'Name the item.')
  .max(80, 'Keep names under 80 characters.')
  .transform(normaliseName);

export const figuresPayloadSchema = z
  .object({
    volumes: z
      .array(z.object({ channel: name, received: count, handled: count }))
      .max(100)
      .default([]),
    reasons: z
      .array(z.object({ reason: name, count }))
      .max(500)
      .default([]),
    segments: z
      .array(z.object({ segment: name, count }))
      .max(100)
      .default([]),
    kpis: z
      .array(
        z.object({
          kpi: name,
          value: z
            .number({ error: 'Must be a number.' })
            .min(-1_000_000_000, 'Too small.')
            .max(1_000_000_000, 'Too large.'),
        }),
      )
      .max(100)
      .default([]),
    note: z.string().trim().max(1000, 'Keep the note under 1000 characters.').nullable().optional(),
    /** Handling more than arrived is possible (backlog from last month) but must be said. */
    confirmHandledAboveReceived: z.boolean().optional(),
  })
  .strict();
export type FiguresPayload = z.infer<typeof figuresPayloadSchema>;

/** Names compare NFKC-normalised without invisible characters (lib/names.ts), ignoring case. */
export const nameKey = nameKeyOf;

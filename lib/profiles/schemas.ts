import { z } from 'zod';
import { currentMonth } from '../dates/month';
import { idField, teamMonthSchema } from '../fields';

export const PROFILE_LIMITS = { title: 80, bio: 600 } as const;

// A person may have joined long before the product's own months begin (2000-01), so the team-since
// month reaches back further than figures do; the future is refused, as everywhere.
const SINCE_RE = /^(19[5-9]\d|2\d{3})-(0[1-9]|1[0-2])$/;

export const profileSchema = z.object({
  title: z
    .string({ error: 'Say what you do, in your own words.' })
    .trim()
    .min(2, 'Say what you do, in your own words.')
    .max(PROFILE_LIMITS.title, `Keep your role under ${PROFILE_LIMITS.title} characters.`),
  // Plain text: shown as typed (line breaks kept), never as Markdown or HTML.
  bio: z
    .string({ error: 'Write a few sentences about yourself.' })
    .trim()
    .min(20, 'Write a few sentences about yourself (at least 20 characters).')
    .max(PROFILE_LIMITS.bio, `Keep it under ${PROFILE_LIMITS.bio} characters.`)
    .transform((t) => t.replace(/\r\n?/g, '\n')),
  teamSince: z
    .string({ error: 'Enter the month you joined the team.' })
    .trim()
    .regex(SINCE_RE, 'Enter the month you joined the team, like 2021-04.')
    .refine((m) => m <= currentMonth(), 'That month has not started yet.'),
  consent: z.literal('yes', { error: 'Tick the box to agree to your profile being shown.' }),
});
export type ProfileInput = z.output<typeof profileSchema>;

/** No userId: your own profile. An admin names the person whose profile they remove on request. */
export const removeProfileSchema = z.object({ userId: idField.optional() });

export const meetTheTeamSchema = teamMonthSchema.extend({
  // Comma-joined by joinRepeated; empty means nobody featured.
  userIds: z
    .string()
    .default('')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(64)).max(6, 'Feature at most 6 people in one edition.')),
});

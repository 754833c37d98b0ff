import { z } from 'zod';
import { nameField } from '../names';

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export const createTeamSchema = z
  .object({
    name: nameField({
      min: 2,
      max: 80,
      empty: 'Enter a team name of at least 2 characters.',
      tooLong: 'Keep the name under 80 characters.',
    }),
    slug: z.string().trim().toLowerCase().max(60, 'Keep the address under 60 characters.').default(''),
  })
  .transform((v) => ({ name: v.name, slug: v.slug || slugify(v.name) }))
  .pipe(
    z.object({
      name: z.string(),
      slug: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, like customer-care.'),
    }),
  );
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

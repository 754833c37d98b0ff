import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeUser } from '../../prisma/factories';
import { ForbiddenError, type ValidationError } from '../errors';
import { createTeamSchema, slugify } from './schemas';
import { createTeam } from './teams';

describe('teams', () => {
  it('derives a slug from the name', () => {
    expect(slugify('Billing & Support — Nordics')).toBe('billing-support-nordics');
    expect(createTeamSchema.parse({ name: 'Customer Care Ä', slug: '' }).slug).toBe('customer-care-a');
    expect(createTeamSchema.safeParse({ name: 'Ok team', slug: 'Bad Slug!' }).success).toBe(false);
  });

  it('creates a team, audited, and reports duplicates at the field', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const name = `Care ${Date.now()}`;
    const team = await createTeam(admin, createTeamSchema.parse({ name, slug: '' }));
    expect(await db.auditEvent.count({ where: { entityId: team.id, action: 'team.create' } })).toBe(1);
    const dup = await createTeam(admin, createTeamSchema.parse({ name, slug: 'other-slug' })).catch((e: unknown) => e);
    expect((dup as ValidationError).fieldErrors.name?.[0]).toMatch(/already exists/);
    const dupSlug = await createTeam(admin, createTeamSchema.parse({ name: `${name} 2`, slug: team.slug })).catch(
      (e: unknown) => e,
    );
    expect((dupSlug as ValidationError).fieldErrors.slug?.[0]).toMatch(/already uses/);
  });

  it('refuses non-admins', async () => {
    const leader = await makeUser(db, { role: 'LEADER' });
    const before = await db.team.count();
    await expect(createTeam(leader, { name: 'Sneaky', slug: 'sneaky' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.team.count()).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeTeam, makeUser } from '../../prisma/factories';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { verifyPassword } from '../password';
import { createUserSchema } from './schemas';
import {
  changeOwnPassword,
  createUser,
  listUsers,
  USERS_PAGE_SIZE,
  resetUserPassword,
  setUserActive,
  signOutEverywhere,
  updateUserRoleAndTeam,
} from './users';
import { z } from 'zod';

describe('users', () => {
  it('lets an admin create a user with a one-time password, audited', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const team = await makeTeam(db);
    const email = `new-${Date.now()}@example.test`;
    const { user, oneTimePassword } = await createUser(
      admin,
      createUserSchema.parse({ name: 'New Agent', email, role: 'AGENT', teamId: team.id }),
    );
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordChangeRequired).toBe(true);
    expect(stored.passwordHash).not.toContain(oneTimePassword);
    expect(await verifyPassword(oneTimePassword, stored.passwordHash)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.create' } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.after).toMatchObject({ email, role: 'AGENT', teamId: team.id });
  });

  it('lists users a page at a time, active first, every user on exactly one page', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const stamp = Date.now();
    await db.user.createMany({
      data: Array.from({ length: USERS_PAGE_SIZE + 5 }, (_, i) => ({
        name: `Paged ${stamp} ${String(i).padStart(2, '0')}`,
        email: `paged-${stamp}-${i}@example.test`,
        role: 'COLLEAGUE' as const,
        active: i % 10 !== 0,
        passwordHash: admin.passwordHash,
      })),
    });
    const total = await db.user.count();
    const active = await db.user.count({ where: { active: true } });
    const first = await listUsers(admin);
    expect(first).toMatchObject({ total, active, page: 1, pageCount: Math.ceil(total / USERS_PAGE_SIZE) });
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    const seen: { id: string; active: boolean }[] = [];
    for (let page = 1; page <= first.pageCount; page++) seen.push(...(await listUsers(admin, page)).users);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((u) => u.id)).size).toBe(total);
    // Active first across the pages, not only within one.
    expect(seen.findIndex((u) => !u.active)).toBe(active);
    // A page past the end shows the last page.
    expect((await listUsers(admin, 999)).page).toBe(first.pageCount);
  });

  it('refuses every non-admin and changes nothing', async () => {
    const team = await makeTeam(db);
    for (const role of ['LEADER', 'AGENT', 'EXEC', 'COLLEAGUE'] as const) {
      const actor = await makeUser(db, { role, teamId: team.id });
      const before = await db.user.count();
      await expect(
        createUser(actor, { name: 'X', email: `x-${role}@example.test`, role: 'ADMIN', teamId: null }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listUsers(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updateUserRoleAndTeam(actor, { userId: actor.id, role: 'ADMIN', teamId: null }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.user.count()).toBe(before);
      expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe(role);
    }
  });

  it('reports a duplicate email at the email field', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const existing = await makeUser(db, { role: 'EXEC' });
    const error = await createUser(admin, { name: 'Dup', email: existing.email, role: 'EXEC', teamId: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.email?.[0]).toMatch(/already exists/);
  });

  it('requires a team for leaders and agents', () => {
    const result = createUserSchema.safeParse({ name: 'L', email: 'l@example.test', role: 'LEADER', teamId: '' });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors.teamId?.[0]).toMatch(/belong to a team/);
  });

  it('records role changes with before and after', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    await updateUserRoleAndTeam(admin, { userId: agent.id, role: 'LEADER', teamId: team.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: agent.id, action: 'user.update' } });
    expect(audit.before).toMatchObject({ role: 'AGENT' });
    expect(audit.after).toMatchObject({ role: 'LEADER' });
  });

  it('never removes the last active admin', async () => {
    // This test file's database holds several admins from earlier tests: demote down to one.
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { active: false } });
    const admin = await makeUser(db, { role: 'ADMIN' });
    await expect(setUserActive(admin, admin.id, false)).rejects.toBeInstanceOf(ConflictError);
    await expect(updateUserRoleAndTeam(admin, { userId: admin.id, role: 'EXEC', teamId: null })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it('changes one’s own password only with the current one', async () => {
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'old-password-123', passwordChangeRequired: true });
    await expect(changeOwnPassword(user, 'wrong', 'new-password-456', '192.0.2.1')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await changeOwnPassword(user, 'old-password-123', 'new-password-456', '192.0.2.1');
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('new-password-456', stored.passwordHash)).toBe(true);
    expect(stored.passwordChangeRequired).toBe(false);
  });
});

describe('the last admin under concurrency', () => {
  it('two admins removing each other at once leave one admin, in each of 20 trials', async () => {
    for (let trial = 0; trial < 20; trial++) {
      // Only these two are active admins: deactivate every other one first.
      await db.user.updateMany({ where: { role: 'ADMIN', active: true }, data: { active: false } });
      const a = await makeUser(db, { role: 'ADMIN' });
      const b = await makeUser(db, { role: 'ADMIN' });
      // Alternate between deactivating and demoting, and mix the two.
      const remove = (actor: typeof a, target: typeof a, i: number) =>
        i % 2 === 0
          ? setUserActive(actor, target.id, false)
          : updateUserRoleAndTeam(actor, { userId: target.id, role: 'EXEC', teamId: null });
      const outcomes = await Promise.allSettled([remove(a, b, trial), remove(b, a, trial + (trial % 3 === 0 ? 1 : 0))]);
      expect(await db.user.count({ where: { role: 'ADMIN', active: true } }), `trial ${trial}`).toBeGreaterThanOrEqual(
        1,
      );
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused, `trial ${trial}`).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    }
  });
});

describe('session versions', () => {
  it('password change, reset, deactivation, reactivation and sign-out-everywhere each raise it', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'old-password-123' });
    const version = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const seen = [await version()];
    await changeOwnPassword(user, 'old-password-123', 'new-password-456', '192.0.2.1');
    seen.push(await version());
    await resetUserPassword(admin, user.id);
    seen.push(await version());
    await setUserActive(admin, user.id, false);
    seen.push(await version());
    await setUserActive(admin, user.id, true);
    seen.push(await version());
    await signOutEverywhere(admin, user.id);
    seen.push(await version());
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    await expect(signOutEverywhere(user, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await db.auditEvent.count({
        where: { entityId: user.id, action: 'user.sign_out_everywhere', actorId: admin.id },
      }),
    ).toBe(1);
  });

  it('a one-time password is issued with an expiry and must be replaced', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const { user } = await createUser(
      admin,
      createUserSchema.parse({
        name: 'Fresh Person',
        email: `fresh-${Date.now()}@example.test`,
        role: 'EXEC',
        teamId: '',
      }),
    );
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordChangeRequired).toBe(true);
    const hours = (stored.oneTimePasswordExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });
});

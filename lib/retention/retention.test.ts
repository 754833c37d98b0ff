import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeUser } from '../../prisma/factories';
import { applyRetention } from './retention';

const DAY = 24 * 60 * 60 * 1000;

describe('retention', () => {
  it('deletes sign-in attempts older than 30 days and clears audit IPs older than the setting, keeping the events', async () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const email = `retention-${Date.now()}@example.test`;
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    await db.loginAttempt.createMany({
      data: [31, 29].map((days) => ({ email, ip: '203.0.113.7', success: false, createdAt: at(days) })),
    });
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    const old = await db.auditEvent.create({
      data: { actorId: user.id, action: 'auth.sign_in', entityType: 'User', ip: '203.0.113.8', createdAt: at(15) },
    });
    const recent = await db.auditEvent.create({
      data: { actorId: user.id, action: 'auth.sign_in', entityType: 'User', ip: '203.0.113.9', createdAt: at(5) },
    });

    const result = await applyRetention(now, 10);
    expect(result.signInAttemptsDeleted).toBeGreaterThanOrEqual(1);
    expect(result.auditIpsCleared).toBeGreaterThanOrEqual(1);
    expect((await db.loginAttempt.findMany({ where: { email } })).map((a) => a.createdAt)).toEqual([at(29)]);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: old.id } })).ip).toBeNull();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: recent.id } })).ip).toBe('203.0.113.9');
    // Running again changes nothing more.
    expect(await applyRetention(now, 10)).toEqual({ signInAttemptsDeleted: 0, auditIpsCleared: 0 });
  });
});

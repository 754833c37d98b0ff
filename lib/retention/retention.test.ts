import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeUser } from '../../prisma/factories';
import { applyRetention } from './retention';

const DAY = 24 * 60 * 60 * 1000;

describe('retention', () => {
  it('deletes failed sign-in attempts older than 30 days and expired budgets; clears audit IPs older than the setting, keeping the events', async () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const email = `retention-${Date.now()}@example.test`;
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    const attempt = (action: string, days: number) =>
      db.auditEvent.create({
        data: { actorEmail: email, action, entityType: 'User', ip: '203.0.113.7', createdAt: at(days) },
      });
    const oldFailure = await attempt('auth.sign_in_failed', 31);
    const oldThrottle = await attempt('auth.sign_in_throttled', 45);
    const recentFailure = await attempt('auth.sign_in_failed', 29);
    const old = await db.auditEvent.create({
      data: { actorId: user.id, action: 'auth.sign_in', entityType: 'User', ip: '203.0.113.8', createdAt: at(40) },
    });
    const recent = await db.auditEvent.create({
      data: { actorId: user.id, action: 'auth.sign_in', entityType: 'User', ip: '203.0.113.9', createdAt: at(5) },
    });
    await db.signInLimit.createMany({
      data: [
        { key: `email:${email}`, points: 3, expiresAt: new Date(now.getTime() - 1000) },
        { key: `pair:${email}|203.0.113.7`, points: 3, expiresAt: new Date(now.getTime() + 1000) },
      ],
    });

    const result = await applyRetention(now, 10);
    expect(result.signInAttemptsDeleted).toBeGreaterThanOrEqual(2);
    expect(result.auditIpsCleared).toBeGreaterThanOrEqual(1);
    const left = await db.auditEvent.findMany({
      where: { id: { in: [oldFailure.id, oldThrottle.id, recentFailure.id] } },
      select: { id: true },
    });
    expect(left.map((e) => e.id)).toEqual([recentFailure.id]);
    expect((await db.signInLimit.findMany({ where: { key: { contains: email } } })).map((l) => l.key)).toEqual([
      `pair:${email}|203.0.113.7`,
    ]);
    // A successful sign-in is the account's history: kept, only its address cleared.
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: old.id } })).ip).toBeNull();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: recent.id } })).ip).toBe('203.0.113.9');
    // Running again changes nothing more.
    expect(await applyRetention(now, 10)).toEqual({ signInAttemptsDeleted: 0, auditIpsCleared: 0 });
  });
});

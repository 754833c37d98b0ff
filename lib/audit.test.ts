import { describe, expect, it } from 'vitest';
import { db } from './db';
import { makeUser } from '../prisma/factories';
import { auditFilterSchema, listAuditEvents, recordAudit } from './audit';
import { ForbiddenError } from './errors';

describe('audit log', () => {
  it('lists newest first and filters by actor and entity, for admins only', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const other = await makeUser(db, { role: 'ADMIN' });
    await recordAudit(db, { actor: admin, action: 'team.create', entityType: 'Team', entityId: 'a' });
    await recordAudit(db, {
      actor: other,
      action: 'user.update',
      entityType: 'User',
      entityId: 'b',
      before: { role: 'AGENT' },
      after: { role: 'LEADER' },
    });
    await recordAudit(db, { actor: admin, action: 'user.create', entityType: 'User', entityId: 'c' });

    const all = await listAuditEvents(admin, auditFilterSchema.parse({}));
    expect(all.events.map((e) => e.entityId).slice(0, 3)).toEqual(['c', 'b', 'a']);

    const byActor = await listAuditEvents(admin, auditFilterSchema.parse({ actor: admin.email }));
    expect(byActor.events.map((e) => e.entityId)).toEqual(['c', 'a']);

    const byEntity = await listAuditEvents(admin, auditFilterSchema.parse({ entity: 'User', actor: admin.email }));
    expect(byEntity.events.map((e) => e.entityId)).toEqual(['c']);

    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    await expect(listAuditEvents(colleague, auditFilterSchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeUser } from '../../prisma/factories';
import { ForbiddenError } from '../errors';
import { createUser, updateUserRoleAndTeam } from '../users/users';
import { createUserSchema } from '../users/schemas';
import { departmentFromClaims, listDepartmentNames, resolveDepartmentId } from './departments';

describe('departments', () => {
  it('are one row however the name is typed, and made once when two ask at the same time', async () => {
    const [a, b, c] = await Promise.all([
      resolveDepartmentId(db, 'Customer Success'),
      resolveDepartmentId(db, '  customer   success '),
      resolveDepartmentId(db, 'CUSTOMER SUCCESS'),
    ]);
    expect(a).toBeTruthy();
    expect(new Set([a, b, c]).size).toBe(1);
    expect(await resolveDepartmentId(db, '   ')).toBeNull();
    expect(await db.department.count({ where: { key: 'customer success' } })).toBe(1);
  });

  it('are set by an admin on create and update, audited, and left alone when not given', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const input = createUserSchema.parse({
      name: 'Dana Field',
      email: `dana-${Date.now()}@example.test`,
      role: 'COLLEAGUE',
      teamId: '',
      department: ' Finance ',
    });
    const { user } = await createUser(admin, input);
    expect(user.department?.name).toBe('Finance');
    await updateUserRoleAndTeam(admin, { userId: user.id, role: 'EXEC', teamId: null, department: 'finance' });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { department: true } });
    expect(after.department?.name).toBe('Finance');
    await updateUserRoleAndTeam(admin, { userId: user.id, role: 'EXEC', teamId: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).departmentId).toBe(after.departmentId);
    await updateUserRoleAndTeam(admin, { userId: user.id, role: 'EXEC', teamId: null, department: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).departmentId).toBeNull();
    const audit = await db.auditEvent.findFirst({
      where: { entityId: user.id, action: 'user.update' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit?.before).toMatchObject({ department: 'Finance' });
    expect(audit?.after).toMatchObject({ department: null });
    expect(await listDepartmentNames(admin)).toContain('Finance');
    await expect(listDepartmentNames(await makeUser(db, { role: 'LEADER' }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a department with control characters or over 80 characters, field by field', () => {
    const base = { name: 'A', email: 'a@example.test', role: 'EXEC', teamId: '' };
    const bad = createUserSchema.safeParse({ ...base, department: 'Sales\u202Egnp' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['department']);
    expect(createUserSchema.safeParse({ ...base, department: 'x'.repeat(81) }).error?.issues[0]?.path).toEqual([
      'department',
    ]);
    expect(createUserSchema.parse({ ...base, department: '' }).department).toBeNull();
    expect(createUserSchema.parse(base).department).toBeNull();
  });

  it('come from the OIDC claim the setting names: absent leaves, empty clears, lists give their first', () => {
    expect(departmentFromClaims({ department: 'Sales' }, undefined)).toBeUndefined();
    expect(departmentFromClaims({ email: 'a@b' }, 'department')).toBeUndefined();
    expect(departmentFromClaims({ department: ' Sales ' }, 'department')).toBe('Sales');
    expect(departmentFromClaims({ dept: ['Finance', 'IT'] }, 'dept')).toBe('Finance');
    expect(departmentFromClaims({ department: '' }, 'department')).toBeNull();
    expect(departmentFromClaims({ department: null }, 'department')).toBeNull();
    expect(departmentFromClaims({ department: 42 }, 'department')).toBeUndefined();
    expect(departmentFromClaims({ department: 'x'.repeat(200) }, 'department')).toBeUndefined();
    expect(departmentFromClaims(undefined, 'department')).toBeUndefined();
  });
});

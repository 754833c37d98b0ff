import { describe, expect, it } from 'vitest';
import { sessionCookieFor } from '../../scripts/testing/session-cookie';
import { db } from '../db';
import { makeDepartment, makeReview, makeTeam, makeUser } from '../../prisma/factories';
import { keptEditionPath } from '../readership/edition-gate';
import { lensVersion, splitLensVersion } from './lens-path';

describe('the reader’s department in the kept edition address', () => {
  it('the gate adds a reader’s department to the kept address, and nothing for a reader without one', async () => {
    const team = await makeTeam(db);
    await makeReview(db, { teamId: team.id, month: '2025-03', status: 'PUBLISHED' });
    const department = await makeDepartment(db, `Logistics ${team.slug}`);
    const inDepartment = await makeUser(db, { role: 'COLLEAGUE', departmentId: department.id });
    const without = await makeUser(db, { role: 'COLLEAGUE' });
    const address = `/reviews/${team.slug}/2025-03`;
    const mine = await keptEditionPath(await sessionCookieFor(inDepartment), address);
    const general = await keptEditionPath(await sessionCookieFor(without), address);
    expect(mine).toBe(`${general}.${department.id}`);
    const last = (path: string | null) => splitLensVersion(path!.split('/').pop()!);
    expect(last(mine).departmentId).toBe(department.id);
    expect(last(general)).toEqual({ version: last(mine).version, departmentId: null });
  });

  it('never carries anything but an id', () => {
    expect(lensVersion('1-abc', 'dept_1')).toBe('1-abc.dept_1');
    expect(lensVersion('1-abc', null)).toBe('1-abc');
    expect(lensVersion('1-abc', '../x')).toBe('1-abc');
    expect(splitLensVersion('1-abc.../x')).toEqual({ version: '1-abc', departmentId: null });
  });
});

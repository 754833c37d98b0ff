import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError } from '../errors';
import { cachedTeamCard, getDashboard } from './dashboard';
import { getTvSlides } from './tv';

describe('dashboard reads', () => {
  it('refuse a deactivated user before any team card is read', async () => {
    const team = await makeTeam(db);
    const gone = await makeUser(db, { role: 'ADMIN', active: false });
    await expect(cachedTeamCard(gone, team.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDashboard(gone)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTvSlides(gone)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

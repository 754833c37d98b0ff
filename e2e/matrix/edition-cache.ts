// The published edition's cached page and the reader's part of it (lib/readership/edition-cache.ts).
// The page /reviews/[team]/[month] itself, which the gate serves from that cache, is in reviews.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeReview } from '../../prisma/factories';
import { versionOf, versionSelect } from '../../lib/editions/version';
import { freshMonth, SIGNED_IN, type Context, type MatrixArea } from './types';

const published = (c: Context) =>
  makeReview(c.db, { teamId: c.team.id, month: freshMonth('review', c.team.id), status: 'PUBLISHED' });

/** The cached page's real, current address (the test server runs in the default zone, UTC). */
async function keptPath(c: Context) {
  const review = await published(c);
  const row = await c.db.review.findUniqueOrThrow({ where: { id: review.id }, select: versionSelect });
  return `/editions/${review.id}/${versionOf({ ...row, team: { ...row.team, zone: row.team.timeZone ?? 'UTC' } })}`;
}

export const editionCache: MatrixArea = {
  pages: [
    {
      route: '/editions/[review]/[version]',
      // Its real, current address: still refused to everyone who asks for it by that address.
      path: keptPath,
      allowed: [],
      refusedStatus: 404,
    },
    {
      route: '/editions/[review]/[version]',
      label: 'through the pages router’s data URL',
      // Next routes /_next/data/<build>/<path>.json to <path> after the proxy ran.
      path: async (c) =>
        `/_next/data/${readFileSync(path.join(process.cwd(), '.next/BUILD_ID'), 'utf8').trim()}${await keptPath(c)}.json`,
      allowed: [],
      refusedStatus: 404,
    },
  ],
  routes: [
    {
      route: '/api/editions/[review]/reader',
      method: 'GET',
      path: async (c) => `/api/editions/${(await published(c)).id}/reader`,
      allowed: SIGNED_IN,
      // Refused readers are not counted as readers.
      probe: (c) => c.db.reviewView.count({ where: { review: { teamId: c.team.id } } }),
    },
  ],
};

import 'server-only';
import { db } from '../db';
import { appTimeZone } from '../time-zone';
import type { EditionSnapshot } from '../editions/content';
import { versionOf, versionSelect } from '../editions/version';
import { revisionSnapshot } from './readers';

export type KeptEdition = {
  id: string;
  team: { id: string; name: string; slug: string };
  month: string;
  publishedAt: Date | null;
  snapshot: EditionSnapshot;
  history: { revision: number; note: string | null; at: Date }[];
  zone: string;
};

/**
 * What the cached page renders for one version, or null when that version is not the current one
 * (a correction landed between the gate and the render; the next request gets the new version).
 * No reader: only the gate (lib/readership/edition-gate.ts) leads here.
 */
export async function keptEdition(reviewId: string, version: string): Promise<KeptEdition | null> {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: {
      ...versionSelect,
      status: true,
      month: true,
      team: { select: { id: true, name: true, slug: true, timeZone: true } },
      revisions: {
        orderBy: { revision: 'desc' },
        select: { revision: true, note: true, createdAt: true, updatedAt: true },
      },
    },
  });
  if (!review || review.status !== 'PUBLISHED') return null;
  const zone = review.team.timeZone ?? appTimeZone();
  if (versionOf({ ...review, team: { ...review.team, zone } }) !== version) return null;
  const latest = review.revisions[0]!;
  return {
    id: review.id,
    team: { id: review.team.id, name: review.team.name, slug: review.team.slug },
    month: review.month,
    publishedAt: review.publishedAt,
    snapshot: await revisionSnapshot(review.id, latest.revision, latest.updatedAt),
    history: review.revisions.map((r) => ({ revision: r.revision, note: r.note, at: r.createdAt })),
    zone,
  };
}

import 'server-only';
import { revalidateTag } from 'next/cache';

/**
 * Dashboard and TV cards are the same for every reader, so they are cached across requests and
 * instances' restarts are harmless. Writes that change them expire the tag at once; anything
 * else (a newly approved quote, a project update) shows within the cards' one-minute lifetime.
 */
export const DASHBOARD_TAG = 'dashboard';
export const DASHBOARD_TTL_SECONDS = 60;

export function expireDashboard(): void {
  revalidateTag(DASHBOARD_TAG, { expire: 0 });
}

// The wall's address in one canonical form: what the kept wall (lib/kept/gate.ts) is named by.
import { searchParamsRecord } from '../search-params';
import { wallFilterSchema, type WallFilter } from './schemas';

const KEYS = ['q', 'team', 'channel', 'person', 'month', 'after', 'before'] as const;

/** The filter as a query string: only what the wall reads, parsed as it parses it, in one order. */
export function wallQueryString(filter: WallFilter): string {
  const out = new URLSearchParams();
  for (const key of KEYS) if (filter[key]) out.set(key, filter[key]);
  return out.toString();
}

/** The canonical query string of a wall address (anything malformed is ignored, as the wall does). */
export function canonicalWallQuery(params: URLSearchParams): string {
  return wallQueryString(wallFilterSchema.parse(searchParamsRecord(params)));
}

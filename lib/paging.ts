import { z } from 'zod';

// Server-side paging for lists that grow without bound. The page number comes from the URL, so
// anything that is not a sensible page number reads as the first page rather than an error.

/** `?page=` from the URL: a whole number from 1, else 1. */
export const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/**
 * The window of one page. A page past the end is moved back to the last page, so a link kept
 * from when the list was longer still shows rows.
 */
export function pageWindow(requested: number, total: number, size: number) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * size, take: size };
}

// The window of fair recognition, shared by lib/profiles/recognition.ts and the leader's "Needs
// you" (lib/dashboard/needs.ts, which the proxy's gate imports: no server-only modules here).

/** How far back praise counts for fair recognition. */
export const RECOGNITION_DAYS = 90;

/** The first day praise counts from, at UTC midnight: the praise's own date is compared with it. */
export function recognitionSince(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - RECOGNITION_DAYS * 86_400_000);
}

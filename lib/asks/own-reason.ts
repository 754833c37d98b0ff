// A generated ask goes to whoever owns a contact reason that grew. When the reason is the team's
// own subject — Billing Support seeing more "Billing" contacts — the team would be asking itself,
// so the suggestion is left out. Reasons are not linked to an owner yet, so the team's name is the
// evidence: a reason shares a word with the team's name once the words every service team's name
// carries ("support", "team", "customer"…) are set aside. Pure, so it is easy to test.

/** Words that say "a service team" rather than what the team is about. */
const GENERIC = new Set([
  'and',
  'of',
  'the',
  'team',
  'teams',
  'support',
  'service',
  'services',
  'customer',
  'customers',
  'care',
  'desk',
  'help',
  'helpdesk',
  'centre',
  'center',
  'contact',
  'operations',
  'ops',
  'success',
  'experience',
  'questions',
  'question',
  'issues',
  'issue',
  'requests',
  'request',
]);

const words = (name: string) =>
  new Set(
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !GENERIC.has(w))
      // "Payments" and "payment" are one subject.
      .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );

/** Whether the reason is what the team itself is about: "Billing" for "Billing Support". */
export function isOwnReason(teamName: string, reasonName: string): boolean {
  const team = words(teamName);
  if (team.size === 0) return false;
  return [...words(reasonName)].some((w) => team.has(w));
}

// The one rule for whether two months can be compared: not across a change of source. Pure (no
// database), so the edition's content builder, the dashboard, trends and tests all ask the same
// function; lib/figures/sources.ts loads its inputs for a team.
//
// A break at month M sits between M−1 and M: a change from A to B spans it when min(A,B) < M ≤
// max(A,B). A break comes from either
// - an import whose help desk differs from the last one that gave the same part (counts or a KPI)
//   in an earlier month (hand entry and the API name no help desk, so they never make one), or
// - a leader's declaration ("we changed help desk in September 2026"), which covers every part.
// The leader may say one part stays comparable across a break: then that part ignores it.
import { monthLabel } from '../dates/month';

/** "counts" (contacts, channels, reasons, segments) or a KPI's id. */
export type Part = string;
export const COUNTS_PART: Part = 'counts';

export type SourcePoint = { month: string; part: Part; system: string | null };
export type BreakInputs = {
  sources: SourcePoint[];
  declared: { month: string; reason: string }[];
  comparable: { month: string; part: Part }[];
};

export type SourceBreak = {
  month: string;
  /** Parts the break applies to before any comparability declaration; 'all' for a declared break. */
  parts: Part[] | 'all';
  from: string | null;
  to: string | null;
  reason: string | null;
  /** "Source changed in September 2026 (Freshdesk → Salesforce Service Cloud)." */
  sentence: string;
};

export type BreakRule = {
  breaks: SourceBreak[];
  /** False when a change from monthA to monthB for `part` would span a break that applies to it. */
  comparable(monthA: string, monthB: string, part: Part): boolean;
  /** The breaks that apply to `part` (after the leader's declarations), oldest first. */
  breaksFor(part: Part): SourceBreak[];
};

function sentenceOf(b: Omit<SourceBreak, 'sentence'>): string {
  const what = b.reason ?? (b.from && b.to ? `${b.from} → ${b.to}` : null);
  return `Source changed in ${monthLabel(b.month)}${what ? ` (${what.replace(/[.\s]+$/, '')})` : ''}: changes across it are not comparable.`;
}

export function breakRule(inputs: BreakInputs): BreakRule {
  const byMonth = new Map<string, Omit<SourceBreak, 'sentence'>>();
  const byPart = new Map<Part, SourcePoint[]>();
  for (const s of inputs.sources) {
    if (s.system === null) continue;
    byPart.set(s.part, [...(byPart.get(s.part) ?? []), s]);
  }
  for (const [part, points] of byPart) {
    points.sort((a, b) => a.month.localeCompare(b.month));
    for (let i = 1; i < points.length; i++) {
      const prev = points[i - 1]!;
      const now = points[i]!;
      if (prev.system === now.system) continue;
      const b = byMonth.get(now.month) ?? {
        month: now.month,
        parts: [],
        from: prev.system,
        to: now.system,
        reason: null,
      };
      if (b.parts !== 'all') b.parts = [...b.parts, part];
      byMonth.set(now.month, b);
    }
  }
  for (const d of inputs.declared) {
    const b = byMonth.get(d.month);
    byMonth.set(d.month, { month: d.month, parts: 'all', from: b?.from ?? null, to: b?.to ?? null, reason: d.reason });
  }
  const breaks = [...byMonth.values()]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((b) => ({ ...b, sentence: sentenceOf(b) }));
  const waived = new Set(inputs.comparable.map((c) => `${c.month}|${c.part}`));
  const applies = (b: SourceBreak, part: Part) =>
    (b.parts === 'all' || b.parts.includes(part)) && !waived.has(`${b.month}|${part}`);
  return {
    breaks,
    comparable(monthA, monthB, part) {
      const [lo, hi] = monthA <= monthB ? [monthA, monthB] : [monthB, monthA];
      return !breaks.some((b) => lo < b.month && b.month <= hi && applies(b, part));
    },
    breaksFor: (part) => breaks.filter((b) => applies(b, part)),
  };
}

/** A rule with no breaks, for content built without a team's sources (older tests, year views). */
export const NO_BREAKS: BreakRule = breakRule({ sources: [], declared: [], comparable: [] });

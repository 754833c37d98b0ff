// Where each part of a month's figures came from. A month has two kinds of part: its counts
// (volumes, reasons and segments, which a file or a form gives together) and each KPI on its own,
// because an import may cover the counts and leave first response time as it was.
import 'server-only';
import type { Tx } from '../db';
import type { MonthState } from './state';
import { COUNTS_PART } from './breaks';

export { COUNTS_PART } from './breaks';
export const HAND_LABEL = 'Entered by hand';
export const MONTHLY_CSV_LABEL = 'Monthly CSV';
export const HELP_DESK_EXPORT_LABEL = 'Help-desk export';

export type Provenance = {
  kind: 'IMPORT' | 'MANUAL' | 'API';
  /** The system or way: an export's kind ("Salesforce Service Cloud"), "Entered by hand", the token's name. */
  label: string;
  fileName?: string | null;
  tokenId?: string | null;
};

/** What older callers (tests, seeds) name as `source` when they give no provenance of their own. */
export function provenanceOfSource(source: string): Provenance {
  if (source === 'api') return { kind: 'API', label: 'API' };
  if (source === 'monthly-csv') return { kind: 'IMPORT', label: MONTHLY_CSV_LABEL };
  if (source === 'ticket-export') return { kind: 'IMPORT', label: HELP_DESK_EXPORT_LABEL };
  return { kind: 'MANUAL', label: HAND_LABEL };
}

const countsKey = (s: MonthState) =>
  JSON.stringify(
    [s.volumes, s.reasons, s.segments].map((r) => Object.entries(r).sort(([a], [b]) => a.localeCompare(b))),
  );
const hasCounts = (s: MonthState) =>
  Object.keys(s.volumes).length + Object.keys(s.reasons).length + Object.keys(s.segments).length > 0;

/**
 * Records the source of every part this write changed (or that has none yet); a part that became
 * empty loses its source. Parts the write left alone keep theirs: a KPI kept through an import
 * stays labelled with where it really came from.
 */
export async function writeSourcesTx(
  tx: Tx,
  args: {
    teamId: string;
    figuresId: string;
    month: string;
    before: MonthState;
    after: MonthState;
    provenance: Provenance;
    actorId: string | null;
  },
) {
  const { teamId, figuresId, month, before, after, provenance } = args;
  const existing = new Set(
    (await tx.figureSource.findMany({ where: { figuresId }, select: { part: true } })).map((s) => s.part),
  );
  const set: string[] = [];
  const drop: string[] = [];
  if (hasCounts(after)) {
    if (!existing.has(COUNTS_PART) || countsKey(before) !== countsKey(after)) set.push(COUNTS_PART);
  } else if (existing.has(COUNTS_PART)) drop.push(COUNTS_PART);
  for (const [kpiId, value] of Object.entries(after.kpis))
    if (!existing.has(kpiId) || before.kpis[kpiId] !== value) set.push(kpiId);
  for (const part of existing) if (part !== COUNTS_PART && after.kpis[part] === undefined) drop.push(part);

  if (drop.length) await tx.figureSource.deleteMany({ where: { figuresId, part: { in: drop } } });
  if (!set.length) return;
  await tx.figureSource.deleteMany({ where: { figuresId, part: { in: set } } });
  const at = new Date();
  await tx.figureSource.createMany({
    data: set.map((part) => ({
      teamId,
      figuresId,
      month,
      part,
      kind: provenance.kind,
      label: provenance.label,
      fileName: provenance.fileName ?? null,
      tokenId: provenance.tokenId ?? null,
      actorId: args.actorId,
      at,
    })),
  });
}

import 'server-only';
import { toSafeCsv } from '../csv';
import { chartTable } from '../charts/chart-spec';
import type { Impact } from './impact';

export const IMPACT_TABLES = ['editions', 'asks', 'departments', 'outcomes'] as const;
export type ImpactTable = (typeof IMPACT_TABLES)[number];

/** One of the impact view's tables as CSV: exactly what the page's table shows. */
export function impactCsv(impact: Impact, table: ImpactTable): { filename: string; csv: string } {
  const rows = (() => {
    switch (table) {
      case 'editions': {
        const t = chartTable(impact.charts.readers);
        return [t.header, ...t.rows];
      }
      case 'asks': {
        const t = chartTable(impact.charts.asks);
        return [t.header, ...t.rows];
      }
      case 'departments':
        return [
          ['Department', 'Asks raised', 'Answered', 'Done'],
          ...impact.askDepartments.map((d) => [d.name, d.raised, d.answered, d.done]),
        ];
      case 'outcomes':
        return [
          ['Date', 'Kind', 'What happened', 'From ask', 'Ask department', 'From edition'],
          ...impact.outcomes.map((o) => [
            o.occurredOn,
            o.kindLabel,
            o.text,
            o.ask?.title ?? '',
            o.ask?.department ?? '',
            o.fromEdition ?? '',
          ]),
        ];
    }
  })();
  return {
    filename: `${impact.team.slug}-impact-${table}-${impact.from}-to-${impact.to}.csv`,
    csv: toSafeCsv(rows),
  };
}

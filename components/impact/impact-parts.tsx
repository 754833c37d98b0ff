import { formatNumber } from '@/lib/format';
import { formatDay, parseDay } from '@/lib/dates/day';
import { monthLabel } from '@/lib/dates/month';
import { outcomeSource } from '@/lib/outcomes/shape';
import type { AskDepartment, Impact, ImpactOutcome } from '@/lib/impact/impact';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';

/** The year in a row of big numbers. */
export function ImpactTotals({ totals }: { totals: Impact['totals'] }) {
  const tiles: [string, number][] = [
    ['Editions published', totals.editions],
    ['Unique readers', totals.readers],
    ['Thank-yous', totals.thanks],
    ['Asks raised', totals.asksRaised],
    ['Asks done', totals.asksDone],
    ['Outcomes', totals.outcomes],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="impact-totals">
      {tiles.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line">
          <dt className="text-xs font-medium text-ink-muted">{label}</dt>
          <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AskDepartmentsTable({ departments }: { departments: AskDepartment[] }) {
  return (
    <Table caption="Asks by department: raised, answered and done">
      <THead>
        <Th>Department</Th>
        <Th numeric>Raised</Th>
        <Th numeric>Answered</Th>
        <Th numeric>Done</Th>
      </THead>
      <TBody data-testid="impact-asks-by-department">
        {departments.map((d) => (
          <tr key={d.name}>
            <Td className="font-medium">{d.name}</Td>
            <Td numeric>{formatNumber(d.raised)}</Td>
            <Td numeric>{formatNumber(d.answered)}</Td>
            <Td numeric>{formatNumber(d.done)}</Td>
          </tr>
        ))}
        {departments.length === 0 ? (
          <EmptyRow colSpan={4}>
            No ask went to a department yet. Leaders address an edition’s “How you can help” asks to a department, and
            they show here once the edition is published.
          </EmptyRow>
        ) : null}
      </TBody>
    </Table>
  );
}

/** Outcomes newest first, grouped by month: the line of what changed. */
export function OutcomeTimeline({
  outcomes,
  canRecord,
  slug,
}: {
  outcomes: ImpactOutcome[];
  canRecord: boolean;
  slug: string;
}) {
  if (!outcomes.length)
    return (
      <p
        className="rounded-md bg-surface-muted px-3 py-6 text-center text-sm text-ink-subtle"
        data-testid="impact-outcomes"
      >
        No outcome recorded in these 12 months.{' '}
        {canRecord ? (
          <a href={`/manage/${slug}/outcomes`} className="font-medium text-accent underline">
            Record one
          </a>
        ) : (
          'The team’s leaders record one'
        )}{' '}
        when the organisation acts on an edition or an ask: consulted the team, funded a project, approved headcount,
        changed a process.
      </p>
    );
  const months = [...new Set(outcomes.map((o) => o.occurredOn.slice(0, 7)))];
  return (
    <ol className="relative space-y-5 border-l-2 border-accent-line/40 pl-5" data-testid="impact-outcomes">
      {months.map((month) => (
        <li key={month}>
          <h3 className="text-sm font-semibold text-ink-muted">{monthLabel(month)}</h3>
          <ul className="mt-2 space-y-2">
            {outcomes
              .filter((o) => o.occurredOn.startsWith(month))
              .map((o) => {
                const source = outcomeSource(o);
                const day = parseDay(o.occurredOn);
                return (
                  <li key={o.id} className="rounded-lg bg-surface p-3 shadow-sm ring-1 ring-line">
                    <p className="text-xs font-semibold tracking-wide text-accent uppercase">{o.kindLabel}</p>
                    <p className="mt-1 text-sm text-ink">{o.text}</p>
                    <p className="mt-1 text-xs text-ink-subtle">
                      {day ? formatDay(day) : o.occurredOn}
                      {source ? ` · ${source}` : ''}
                    </p>
                  </li>
                );
              })}
          </ul>
        </li>
      ))}
    </ol>
  );
}

import type { FactChange } from '@/lib/editions/basis';

/** What moved, as "Contacts received 1,234 → 1,400": short, and the full list on demand. */
export function FigureChanges({ changes, shown = 3 }: { changes: FactChange[]; shown?: number }) {
  const first = changes.slice(0, shown);
  const rest = changes.slice(shown);
  const row = (c: FactChange) => (
    <li key={c.key}>
      {c.label}: <span className="tabular-nums line-through decoration-1 opacity-80">{c.before}</span>{' '}
      <span aria-hidden="true">→</span>
      <span className="sr-only">now</span> <strong className="tabular-nums">{c.after}</strong>
    </li>
  );
  return (
    <div className="mt-1 text-xs">
      <ul className="space-y-0.5">{first.map(row)}</ul>
      {rest.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer">
            {rest.length} more change{rest.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-1 space-y-0.5">{rest.map(row)}</ul>
        </details>
      ) : null}
    </div>
  );
}

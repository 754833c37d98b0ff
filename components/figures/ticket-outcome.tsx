'use client';
import Link from 'next/link';
import type { TicketImportResult } from '@/lib/figures/actions';

/** What the import did, which published editions now differ, and the way back to the months. */
export function ImportOutcome({
  result,
  team,
  published,
}: {
  result: TicketImportResult;
  team: string;
  published: string[];
}) {
  const changedPublished = (result.applied ?? []).filter(
    (a) => a.outcome !== 'unchanged' && published.includes(a.month),
  );
  return (
    <div
      role="status"
      className={`space-y-1 rounded-md px-3 py-2 text-sm ring-1 ${result.ok ? 'bg-success-surface text-success ring-success-line' : 'bg-danger-surface text-danger ring-danger-line'}`}
    >
      <p className="font-medium">{result.message}</p>
      {result.applied ? <p>{result.applied.map((a) => `${a.month}: ${a.outcome}`).join(' · ')}</p> : null}
      {result.created?.length ? <p>Created: {result.created.map((c) => `${c.name} (${c.kind})`).join(', ')}.</p> : null}
      {result.linked?.length ? (
        <p>Linked to departments: {result.linked.map((l) => `${l.reason} → ${l.department}`).join(', ')}.</p>
      ) : null}
      {changedPublished.map((a) => (
        <p key={a.month}>
          {a.month} has a published edition whose figures now differ:{' '}
          <Link className="underline" href={`/manage/${team}/reviews/${a.month}`}>
            review the edition
          </Link>
          .
        </p>
      ))}
      {result.problems?.length ? (
        <ul className="list-disc pl-5">
          {result.problems.map((p, i) => (
            <li key={i}>
              {p.where ? `${p.where}: ` : ''}
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result.ok ? (
        <p>
          <Link className="font-medium underline" href={`/manage/${team}`}>
            Back to the months
          </Link>
        </p>
      ) : null}
    </div>
  );
}

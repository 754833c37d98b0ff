import { Card } from '@/components/ui/card';
import { formatInstantDay } from '@/lib/dates/zone';
import { HideNoteForm } from './small-forms';

export type Readership = {
  readers: number;
  thanksCount: number;
  byDepartment: { label: string; count: number }[];
  thanksByDepartment: { label: string; count: number }[];
  byTeam: { label: string; count: number }[];
  byRole: { label: string; count: number }[];
  notes: {
    id: string;
    note: string | null;
    at: Date;
    hidden: boolean;
    by: string;
    role: string;
    team: string | null;
    department: string | null;
  }[];
};

function Breakdown({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{title}</h3>
      <ul className="mt-1 text-sm">
        {rows.map((r) => (
          <li key={r.label} className="flex justify-between gap-2">
            <span>{r.label}</span>
            <span className="tabular-nums">{r.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the team sees of its readers: counts by department, team and role, and the notes (never a ranking). */
export function ReadershipPanel({
  readership,
  canModerate,
  reachHref,
  zone,
  onSaved,
}: {
  readership: Readership;
  /** After a note is hidden: a page that fetched the readership refetches it. */
  onSaved?: () => void;
  canModerate: boolean;
  reachHref?: string | undefined;
  /** The team's time zone, for the day each note was written. */
  zone: string;
}) {
  const notes = readership.notes.filter((n) => n.note);
  return (
    <Card title="Readers and thanks" className="no-print">
      <p className="text-sm" data-testid="readership">
        <strong className="tabular-nums">{readership.readers}</strong> unique reader
        {readership.readers === 1 ? '' : 's'} · <strong className="tabular-nums">{readership.thanksCount}</strong>{' '}
        thank-you{readership.thanksCount === 1 ? '' : 's'}
      </p>
      {readership.readers ? (
        <div className="mt-3 grid grid-cols-2 gap-4">
          <Breakdown title="By department" rows={readership.byDepartment} />
          <Breakdown title="Thanks by department" rows={readership.thanksByDepartment} />
          <Breakdown title="By team" rows={readership.byTeam} />
          <Breakdown title="By role" rows={readership.byRole} />
        </div>
      ) : null}
      {reachHref ? (
        <p className="mt-3 text-sm">
          <a href={reachHref} className="font-medium text-accent underline">
            Reach over the last editions, by department
          </a>
        </p>
      ) : null}
      {notes.length ? (
        <ul className="mt-4 space-y-3" aria-label="Notes from readers">
          {notes.map((n) => (
            <li
              key={n.id}
              className={`rounded-md p-3 text-sm ring-1 ${n.hidden ? 'bg-surface-strong text-ink-subtle ring-line' : 'bg-surface ring-line'}`}
              data-testid="thanks-note"
            >
              <p>“{n.note}”</p>
              <p className="mt-1 text-xs text-ink-subtle">
                {n.by}, {[n.department, n.team ?? n.role].filter(Boolean).join(', ')} · {formatInstantDay(n.at, zone)}
                {n.hidden ? ' · hidden' : ''}
              </p>
              {canModerate && !n.hidden ? <HideNoteForm thanksId={n.id} onSaved={onSaved} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

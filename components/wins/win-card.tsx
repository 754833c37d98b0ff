import Link from 'next/link';
import { Markdown } from '@/components/stories/markdown';
import { PersonLinks } from '@/components/stories/person-links';
import { formatDay } from '@/lib/dates/day';

type Win = {
  id: string;
  title: string;
  story: string;
  occurredOn: Date;
  team: { name: string; slug: string };
  credited: { id: string; name: string }[];
};

export function WinCard({
  win,
  canManage = false,
  showTeam = true,
}: {
  win: Win;
  canManage?: boolean;
  showTeam?: boolean;
}) {
  return (
    <article className="rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line" data-testid="win">
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold text-ink">{win.title}</h3>
        {canManage ? (
          <Link href={`/wins/${win.id}/edit`} className="text-sm font-medium text-accent underline">
            Edit<span className="sr-only"> {win.title}</span>
          </Link>
        ) : null}
      </header>
      <p className="mb-3 text-xs text-ink-subtle">
        <time dateTime={win.occurredOn.toISOString().slice(0, 10)}>{formatDay(win.occurredOn)}</time>
        {showTeam ? ` · ${win.team.name}` : ''}
      </p>
      <Markdown text={win.story} />
      {win.credited.length ? (
        <p className="mt-3 text-xs text-ink-muted">
          Credit to <PersonLinks people={win.credited} />
        </p>
      ) : null}
    </article>
  );
}

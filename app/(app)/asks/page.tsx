import type { Metadata } from 'next';
import Link from 'next/link';
import { AnswerAskForm } from '@/components/asks/answer-form';
import { AskStatusBadge } from '@/components/asks/ask-status-badge';
import { Markdown } from '@/components/stories/markdown';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { TeamFilter } from '@/components/ui/filters';
import { Pagination } from '@/components/ui/pagination';
import { listAsks, type AskRow } from '@/lib/asks/list';
import { askListFilterSchema, ASK_STATUSES, ASK_STATUS_LABELS } from '@/lib/asks/schemas';
import { monthLabel } from '@/lib/dates/month';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Asks' };

function AskItem({ ask }: { ask: AskRow }) {
  return (
    <li id={`ask-${ask.id}`} className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line" data-testid="ask">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold text-ink">{ask.title}</h3>
        <AskStatusBadge status={ask.status} />
      </div>
      <p className="mt-1 text-xs text-ink-subtle">
        From {ask.team.name} ·{' '}
        <Link href={`/reviews/${ask.team.slug}/${ask.edition.month}`} className="text-accent underline">
          {monthLabel(ask.edition.month)} edition
        </Link>
      </p>
      {ask.details.trim() ? <Markdown text={ask.details} className="mt-2 text-sm" /> : null}
      {ask.answer ? (
        <div className="mt-3 rounded-md bg-surface-strong/50 p-3 text-sm ring-1 ring-line-subtle">
          <p className="whitespace-pre-line text-ink">{ask.answer}</p>
          <p className="mt-1 text-xs text-ink-subtle">
            {ask.answeredBy ? (
              <Link href={`/people/${ask.answeredBy.id}`} className="underline-offset-2 hover:underline">
                {ask.answeredBy.name}
              </Link>
            ) : (
              'Former colleague'
            )}
            {ask.answeredOn ? `, ${ask.answeredOn}` : ''}
          </p>
        </div>
      ) : (
        <p className="mt-3 text-sm text-ink-subtle">Not answered yet.</p>
      )}
      {ask.canAnswer ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-accent">
            {ask.answer ? 'Update the answer' : 'Answer this ask'}
          </summary>
          <AnswerAskForm askId={ask.id} seen={ask.seen} status={ask.status} title={ask.title} />
        </details>
      ) : null}
    </li>
  );
}

function AskList({ asks, label }: { asks: AskRow[]; label: string }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label={label}>
      {asks.map((a) => (
        <AskItem key={a.id} ask={a} />
      ))}
    </ul>
  );
}

export default async function AsksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const filter = askListFilterSchema.parse(await searchParams);
  const { mine, myDepartment, groups, total, page, pageCount, departments, teams } = await listAsks(actor, filter);
  return (
    <>
      <PageHeader
        title="Asks"
        description="What our service teams asked of other departments in their editions, and what came of it."
      />
      <form
        aria-label="Filter asks"
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
      >
        <SelectField label="Status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">Any status</option>
          {ASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ASK_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Department" name="department" defaultValue={filter.department ?? ''}>
          <option value="">All departments</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <TeamFilter teams={teams} value={filter.team} />
        <button type="submit" className={buttonClass('secondary')}>
          Show
        </button>
      </form>
      {total === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-muted ring-1 ring-line">No asks match.</p>
      ) : null}
      {myDepartment && mine.length ? (
        <section aria-labelledby="mine-title" className="mb-8">
          <h2 id="mine-title" className="mb-3 text-lg font-bold text-ink">
            Addressed to your department: {myDepartment.name}
          </h2>
          <AskList asks={mine} label={`Asks to ${myDepartment.name}`} />
        </section>
      ) : null}
      {groups.map((g) => (
        <section key={g.department.id} aria-labelledby={`dept-${g.department.id}`} className="mb-8">
          <h2 id={`dept-${g.department.id}`} className="mb-3 text-lg font-bold text-ink">
            {g.department.name}
          </h2>
          <AskList asks={g.asks} label={`Asks to ${g.department.name}`} />
        </section>
      ))}
      <Pagination
        page={page}
        pageCount={pageCount}
        params={{ status: filter.status, department: filter.department, team: filter.team }}
        label="Pages of asks"
      />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { OutcomeForm } from '@/components/outcomes/outcome-form';
import { outcomeOptions } from '@/components/outcomes/outcome-options';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { dayString, formatDay } from '@/lib/dates/day';
import { monthLabel } from '@/lib/dates/month';
import { managedTeamOrInterrupt, orPageError } from '@/lib/pages';
import { getOutcomesPage } from '@/lib/outcomes/outcomes';
import { OUTCOME_KIND_LABELS } from '@/lib/outcomes/schemas';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Outcomes' };

const NOTICES: Record<string, string> = {
  recorded: 'The outcome is recorded. It shows on the impact view and the trends charts, and in the next edition.',
  updated: 'Saved.',
  removed: 'The outcome was removed.',
};

export default async function OutcomesPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const page = await orPageError(getOutcomesPage(actor, team.slug));
  const query = await searchParams;
  const notice = Object.keys(NOTICES).find((k) => query[k]);
  const today = dayString(new Date());
  return (
    <>
      <PageHeader
        title={`${team.name}: outcomes`}
        description="What the organisation did because of the team’s editions and asks. Each appears once in the next edition, as a numbered mark on the trends charts, and on the impact view."
        actions={
          <Link href={`/reviews/${team.slug}/impact`} className="text-sm font-medium text-accent underline">
            See the impact view
          </Link>
        }
      />
      <TeamTabs slug={team.slug} current="/outcomes" />
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-success-surface px-3 py-2 text-sm font-medium text-success ring-1 ring-success-line"
        >
          {NOTICES[notice]}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card title="Record an outcome">
          <OutcomeForm
            team={team.slug}
            {...outcomeOptions(page)}
            initial={{ kind: 'CONSULTED', occurredOn: today, text: '', askId: '', reviewId: '' }}
            today={today}
          />
        </Card>
        <Table caption="Outcomes, newest first" captionVisible className="self-start">
          <THead>
            <Th>Date</Th>
            <Th>What happened</Th>
            <Th>From</Th>
            <Th>
              <span className="sr-only">Edit</span>
            </Th>
          </THead>
          <TBody data-testid="outcomes">
            {page.outcomes.map((o) => (
              <tr key={o.id}>
                <Td className="whitespace-nowrap text-ink-muted">{formatDay(o.occurredOn)}</Td>
                <Td>
                  <span className="block text-xs font-semibold text-accent">{OUTCOME_KIND_LABELS[o.kind]}</span>
                  {o.text}
                </Td>
                <Td className="text-xs text-ink-muted">
                  {o.ask ? `Ask: ${o.ask.title} (${o.ask.department.name})` : null}
                  {o.ask && o.review ? <br /> : null}
                  {o.review ? `Edition: ${monthLabel(o.review.month)}` : null}
                </Td>
                <Td>
                  <Link
                    href={`/manage/${team.slug}/outcomes/${o.id}`}
                    className="text-sm font-medium text-accent underline"
                    aria-label={`Edit the outcome of ${formatDay(o.occurredOn)}`}
                  >
                    Edit
                  </Link>
                </Td>
              </tr>
            ))}
            {page.outcomes.length === 0 ? (
              <EmptyRow colSpan={4}>
                No outcome yet. When a department consults the team, funds a project, approves headcount or changes a
                process after an edition or an ask, record it here.
              </EmptyRow>
            ) : null}
          </TBody>
        </Table>
      </div>
    </>
  );
}

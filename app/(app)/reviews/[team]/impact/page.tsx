import type { Metadata } from 'next';
import Link from 'next/link';
import { ChartCard } from '@/components/charts/chart-card';
import { AskDepartmentsTable, ImpactTotals, OutcomeTimeline } from '@/components/impact/impact-parts';
import { Card, PageHeader } from '@/components/ui/card';
import { monthLabel } from '@/lib/dates/month';
import { getImpact, IMPACT_MONTHS } from '@/lib/impact/impact';
import { orPageError } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { canManageTeam } from '@/lib/team-access';

export const metadata: Metadata = { title: 'Impact' };

export default async function ImpactPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor();
  const { team: slug } = await params;
  const impact = await orPageError(getImpact(actor, slug));
  const { team, totals } = impact;
  const csv = (table: string) => `/api/teams/${team.slug}/impact?table=${table}`;
  const canRecord = canManageTeam(actor, team.id);
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href="/reviews" className="text-accent underline">
          ← All reviews
        </Link>
      </p>
      <PageHeader
        title={`Impact: ${team.name}`}
        description={`What ${team.name}’s editions reached and what came of them, ${monthLabel(impact.from)} to ${monthLabel(impact.to)}. Counts only: no reader is named or ranked.`}
        actions={
          canRecord ? (
            <Link href={`/manage/${team.slug}/outcomes`} className="text-sm font-medium text-accent underline">
              Record an outcome
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <ImpactTotals totals={totals} />
        {totals.editions === 0 ? (
          <p className="rounded-lg bg-surface p-6 text-center text-ink-subtle shadow-sm ring-1 ring-line">
            No edition of {team.name} was published in the last {IMPACT_MONTHS} months, so there are no readers or asks
            to show yet.{' '}
            {canRecord ? (
              <Link href={`/manage/${team.slug}/reviews`} className="font-medium text-accent underline">
                Compose this month’s edition
              </Link>
            ) : (
              'They appear here once the team publishes an edition.'
            )}
          </p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartCard spec={impact.charts.readers} csvHref={csv('editions')} />
            {totals.asksRaised ? (
              <ChartCard spec={impact.charts.asks} csvHref={csv('asks')} />
            ) : (
              <Card title="Asks raised per edition">
                <p className="text-sm text-ink-subtle">
                  No edition of these {IMPACT_MONTHS} months addressed an ask to a department yet. Asks addressed to a
                  department in an edition’s “How you can help” are followed here, edition by edition, until done.
                </p>
              </Card>
            )}
          </div>
        )}
        <Card
          title="Asks by department"
          actions={
            <a href={csv('departments')} className="text-sm font-medium text-accent underline" download>
              Download CSV
            </a>
          }
        >
          <p className="mb-3 text-xs text-ink-subtle">
            Asks of editions published in these {IMPACT_MONTHS} months: answered means the department replied; done
            means it happened. Departments of fewer than three people count together as “Other departments”.
          </p>
          <AskDepartmentsTable departments={impact.askDepartments} />
        </Card>
        <Card
          title="Outcomes"
          actions={
            <a href={csv('outcomes')} className="text-sm font-medium text-accent underline" download>
              Download CSV
            </a>
          }
        >
          <OutcomeTimeline outcomes={impact.outcomes} canRecord={canRecord} slug={team.slug} />
        </Card>
      </div>
    </>
  );
}

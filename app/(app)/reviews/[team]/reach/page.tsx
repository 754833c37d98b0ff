import type { Metadata } from 'next';
import Link from 'next/link';
import { ChartCard } from '@/components/charts/chart-card';
import { DepartmentsTable, EditionsTable } from '@/components/reach/reach-tables';
import { Card, PageHeader } from '@/components/ui/card';
import { orPageError } from '@/lib/pages';
import { getReach, REACH_EDITIONS } from '@/lib/readership/reach';
import { requirePageActor } from '@/lib/session';
import { listLensDepartments } from '@/lib/departments/page';

export const metadata: Metadata = { title: 'Reach' };

export default async function ReachPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor();
  const { team: slug } = await params;
  const reach = await orPageError(getReach(actor, slug));
  const lensDepartments = await listLensDepartments(actor);
  const { team, editions, recentCount } = reach;
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href="/reviews" className="text-accent underline">
          ← All reviews
        </Link>
      </p>
      <PageHeader
        title={`Reach: ${team.name}`}
        description={`Whom the last ${REACH_EDITIONS} published editions reached, department by department, among ${reach.activeUsers} active people. Counts only: no reader is named or ranked, and departments of fewer than three people count together as “Other departments”.`}
      />
      {lensDepartments.length ? (
        <nav aria-label="Department pages" className="-mt-3 mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {lensDepartments.map((d) => (
            <Link
              key={d.id}
              href={`/departments/${encodeURIComponent(d.id)}`}
              className="font-medium text-accent underline"
            >
              {d.name}’s page
            </Link>
          ))}
        </nav>
      ) : null}
      {editions.length === 0 ? (
        <p className="text-ink-muted">No edition of {team.name} has been published yet.</p>
      ) : (
        <div className="space-y-6">
          <Card title={`Not reached in the last ${recentCount === 1 ? 'edition' : `${recentCount} editions`}`}>
            {reach.notReached.length ? (
              <ul className="flex flex-wrap gap-2" aria-label="Departments not reached" data-testid="not-reached">
                {reach.notReached.map((name) => (
                  <li key={name} className="rounded-full bg-surface-muted px-3 py-1 text-sm ring-1 ring-line">
                    {name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm" data-testid="not-reached">
                Someone in every department opened at least one of them.
              </p>
            )}
          </Card>
          <ChartCard spec={reach.chart} csvHref={`/api/teams/${team.slug}/reach`} />
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Card title="Editions">
              <EditionsTable slug={team.slug} editions={editions} />
            </Card>
            <Card title="By department">
              <DepartmentsTable departments={reach.departments} editions={editions.length} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

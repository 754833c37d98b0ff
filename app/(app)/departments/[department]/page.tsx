import type { Metadata } from 'next';
import Link from 'next/link';
import { ChartCard } from '@/components/charts/chart-card';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDay } from '@/lib/dates/day';
import { ASK_STATUS_TEXT, DIMENSION_WORDS } from '@/lib/editions/department-lens';
import { getDepartmentPage } from '@/lib/departments/page';
import { DIMENSION_RULE, DIMENSIONS } from '@/lib/departments/dimension';
import { formatNumber } from '@/lib/format';
import { orPageError } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Department' };

export default async function DepartmentPage({ params }: { params: Promise<{ department: string }> }) {
  const actor = await requirePageActor();
  const { department: id } = await params;
  const page = await orPageError(getDepartmentPage(actor, id));
  const { department, readership } = page;
  return (
    <>
      <PageHeader
        title={department.name}
        description={`What customers contacted the service teams about that ${department.name} owns, over the last twelve months, and what came of the teams’ asks. Department-level counts only: no person is named or ranked.`}
      />
      <div className="space-y-6">
        <ChartCard spec={page.chart} csvHref={`/api/departments/${encodeURIComponent(department.id)}/contacts`} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="What it owns">
            {page.reasons.length ? (
              <>
                <ul className="space-y-1 text-sm" data-testid="department-reasons">
                  {page.reasons.map((r) => (
                    <li key={`${r.team}-${r.kind}-${r.reason}`}>
                      <span className="font-medium text-ink">{r.reason}</span>{' '}
                      <span className="text-ink-muted">
                        ({r.kind === 'reason' ? '' : `${r.kind}, `}
                        {r.team}
                        {r.archived ? ', archived' : ''})
                        {r.countedFrom === r.kind
                          ? ''
                          : r.archived && DIMENSIONS.indexOf(r.kind) < DIMENSIONS.indexOf(r.countedFrom)
                            ? `: counted in the months it holds counts, its ${DIMENSION_WORDS[r.countedFrom].plural} there in the others`
                            : `: not counted, its ${DIMENSION_WORDS[r.countedFrom].plural} there count instead`}
                      </span>
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-ink-subtle">{DIMENSION_RULE}</p>
              </>
            ) : (
              <p className="text-sm text-ink-subtle">No team has linked a contact reason to {department.name} yet.</p>
            )}
          </Card>
          <Card title="Readership of the editions">
            <p className="text-sm" data-testid="department-readership">
              {readership.shown
                ? `${formatNumber(readership.readers)} of ${formatNumber(readership.members)} people in ${department.name} opened an edition in the last twelve months (${formatNumber(readership.views)} editions opened).`
                : readership.reason === 'members'
                  ? `${department.name} has fewer than three people: its readership is not shown, so no one’s reading can be told.`
                  : `Fewer than three people in ${department.name} opened an edition in the last twelve months.`}
            </p>
          </Card>
        </div>
        <Card title={`Asks to ${department.name}`}>
          {page.asks.length ? (
            <ul className="space-y-3 text-sm" data-testid="department-asks">
              {page.asks.map((a) => (
                <li key={a.id} className="rounded-md p-3 ring-1 ring-line">
                  <p className="text-xs text-ink-muted">From {a.team}</p>
                  <p className="font-semibold text-ink">
                    {a.title}{' '}
                    <span className="rounded bg-accent-surface px-1.5 py-0.5 text-xs font-semibold text-accent">
                      {ASK_STATUS_TEXT[a.status]}
                    </span>
                  </p>
                  {a.answer ? (
                    <p className="mt-1 text-ink-muted">
                      {a.answer}
                      {a.answeredAt ? ` (${formatDay(a.answeredAt)})` : ''}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-ink-subtle">
              No published edition has asked {department.name} for anything yet.
            </p>
          )}
          <p className="mt-3 text-sm">
            <Link href="/asks" className="font-medium text-accent underline">
              Answer asks on the asks page
            </Link>
          </p>
        </Card>
        <Card title={`What changed because of ${department.name}`}>
          {page.outcomes.length ? (
            <ul className="space-y-2 text-sm" data-testid="department-outcomes">
              {page.outcomes.map((o) => (
                <li key={o.id}>
                  <span className="font-semibold text-accent">{o.kindLabel}:</span> {o.text}{' '}
                  <span className="text-ink-muted">
                    ({o.team}, {formatDay(o.occurredOn)})
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-ink-subtle">No outcome of an ask to {department.name} recorded yet.</p>
          )}
        </Card>
      </div>
    </>
  );
}

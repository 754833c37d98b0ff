import type { Metadata } from 'next';
import { MonthlyImport } from '@/components/figures/monthly-import';
import { TeamTabs } from '@/components/figures/team-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Import monthly CSV' };

export default async function ImportPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  return (
    <>
      <PageHeader
        title={`${team.name}: import monthly figures`}
        description="Preview first; nothing changes until you apply, and then every month imports or none does."
      />
      <TeamTabs slug={team.slug} current="/import" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <MonthlyImport team={team.slug} />
        </Card>
        <Card title="The layout">
          <div className="space-y-2 text-sm text-ink-muted">
            <p>One figure per row, with a header row:</p>
            <pre className="overflow-x-auto rounded bg-surface-strong p-2 text-xs">{`month,kind,item,value
2026-10,received,Phone,4210
2026-10,handled,Phone,4102
2026-10,reason,Billing,1320
2026-10,segment,Consumers,3900
2026-10,kpi,CSAT,91.5
2026-10,note,,"Storm on the 12th"`}</pre>
            <p>
              <strong>kind</strong> is one of received, handled (per channel), reason, segment, kpi or note. Items are
              matched to this team’s names without regard to case. Months in the file are updated; items not in the file
              keep their figures. Importing the same file twice changes nothing.
            </p>
            <p>
              <a className="font-medium text-accent underline" href="/monthly-figures-template.csv" download>
                Download the template
              </a>{' '}
              ·{' '}
              <a className="font-medium text-accent underline" href="/monthly-figures-sample.csv" download>
                a filled-in sample
              </a>{' '}
              · or export existing months from the Months tab.
            </p>
          </div>
        </Card>
      </div>
    </>
  );
}

import { TeamTabs } from '@/components/figures/team-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { monthLabel } from '@/lib/dates/month';
import { StartThisEditionForm } from './small-forms';

/** The composer's address for a month with no edition yet: say so, and start it in one click. */
export function NotStarted({ team, month }: { team: { slug: string; name: string }; month: string }) {
  const label = monthLabel(month);
  return (
    <>
      <PageHeader title={`${team.name}: ${label} edition`} description={`The ${label} edition is not started yet.`} />
      <TeamTabs slug={team.slug} current="/reviews" />
      <Card title="Start this edition">
        <p className="mb-3 text-sm text-ink-muted">
          Starting writes a draft from the month’s figures, quotes, wins and project updates. Nothing is published or
          emailed until you publish it.
        </p>
        <StartThisEditionForm team={team.slug} month={month} label={label} />
      </Card>
    </>
  );
}

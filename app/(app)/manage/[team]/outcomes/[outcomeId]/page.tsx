import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { DeleteOutcomeForm, OutcomeForm } from '@/components/outcomes/outcome-form';
import { outcomeOptions } from '@/components/outcomes/outcome-options';
import { Card, PageHeader } from '@/components/ui/card';
import { dayString } from '@/lib/dates/day';
import { managedTeamOrInterrupt, orPageError } from '@/lib/pages';
import { getOutcomeForEdit } from '@/lib/outcomes/outcomes';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Edit outcome' };

export default async function EditOutcomePage({ params }: { params: Promise<{ team: string; outcomeId: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const { team: slug, outcomeId } = await params;
  const team = await managedTeamOrInterrupt(actor, slug);
  const page = await orPageError(getOutcomeForEdit(actor, team.slug, outcomeId));
  const { outcome } = page;
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href={`/manage/${team.slug}/outcomes`} className="text-accent underline">
          ← All outcomes
        </Link>
      </p>
      <PageHeader title={`${team.name}: edit an outcome`} />
      <TeamTabs slug={team.slug} current="/outcomes" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title="The outcome">
          <OutcomeForm
            team={team.slug}
            outcomeId={outcome.id}
            {...outcomeOptions(page)}
            initial={{
              kind: outcome.kind,
              occurredOn: dayString(outcome.occurredOn),
              text: outcome.text,
              askId: outcome.askId ?? '',
              reviewId: outcome.reviewId ?? '',
            }}
            today={dayString(new Date())}
          />
        </Card>
        <Card title="Remove">
          <DeleteOutcomeForm team={team.slug} outcomeId={outcome.id} text={outcome.text} />
        </Card>
      </div>
    </>
  );
}

import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { WinForm } from '@/components/wins/win-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/session';
import { dayString } from '@/lib/dates/day';
import { orPageError } from '@/lib/pages';
import { getWinFormOptions } from '@/lib/wins/wins';

export const metadata: Metadata = { title: 'Record a win' };

export default async function NewWinPage() {
  const actor = await requirePageActor('AGENT', 'LEADER');
  const { teamMembers } = await orPageError(getWinFormOptions(actor));
  const today = dayString(new Date());
  return (
    <>
      <PageHeader
        title="Record a win"
        description="Something your team achieved: a fix, a record, a customer saved. Credit the people behind it."
      />
      <Card>
        <WinForm
          submissionKey={randomUUID()}
          teamMembers={teamMembers}
          today={today}
          initial={{ title: '', story: '', occurredOn: today, creditIds: [actor.id] }}
        />
      </Card>
    </>
  );
}

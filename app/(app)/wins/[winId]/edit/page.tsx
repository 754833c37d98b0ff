import type { Metadata } from 'next';
import { DeleteWinForm } from '@/components/wins/delete-win-form';
import { WinForm } from '@/components/wins/win-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/session';
import { dayString } from '@/lib/dates/day';
import { orPageError } from '@/lib/pages';
import { getWinForEdit } from '@/lib/wins/wins';

export const metadata: Metadata = { title: 'Edit a win' };

export default async function EditWinPage({ params }: { params: Promise<{ winId: string }> }) {
  const actor = await requirePageActor('LEADER');
  const { winId } = await params;
  const { win, teamMembers } = await orPageError(getWinForEdit(actor, winId));
  return (
    <>
      <PageHeader title="Edit a win" description={`Recorded by ${win.recordedBy.name}.`} />
      <div className="space-y-6">
        <Card>
          <WinForm
            winId={win.id}
            teamMembers={teamMembers}
            today={dayString(new Date())}
            initial={{
              title: win.title,
              story: win.story,
              occurredOn: dayString(win.occurredOn),
              creditIds: win.credits.map((c) => c.userId),
            }}
          />
        </Card>
        <Card title="Remove">
          <DeleteWinForm winId={win.id} title={win.title} />
        </Card>
      </div>
    </>
  );
}

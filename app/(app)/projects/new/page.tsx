import type { Metadata } from 'next';
import { ProjectForm } from '@/components/projects/project-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getProjectFormOptions } from '@/lib/projects/projects';
import { requirePageActor } from '@/lib/session';
import { orPageError } from '@/lib/pages';

export const metadata: Metadata = { title: 'New project' };

export default async function NewProjectPage() {
  const actor = await requirePageActor('LEADER');
  const { teamMembers } = await orPageError(getProjectFormOptions(actor));
  return (
    <>
      <PageHeader
        title="New project"
        description="An initiative your team is running. Everyone in the organisation can follow it."
      />
      <Card>
        <ProjectForm
          teamMembers={teamMembers}
          initial={{ name: '', summary: '', ownerId: actor.id, status: 'PLANNED', startOn: '', targetOn: '' }}
        />
      </Card>
    </>
  );
}

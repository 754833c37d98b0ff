import type { Metadata } from 'next';
import { ProjectForm } from '@/components/projects/project-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getProjectForEdit } from '@/lib/projects/projects';
import { requirePageActor } from '@/lib/session';
import { dayString } from '@/lib/dates/day';
import { orPageError } from '@/lib/pages';

export const metadata: Metadata = { title: 'Edit project' };

export default async function EditProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePageActor('LEADER');
  const { projectId } = await params;
  const { project, teamMembers } = await orPageError(getProjectForEdit(actor, projectId));
  return (
    <>
      <PageHeader title={`Edit “${project.name}”`} />
      <Card>
        <ProjectForm
          projectId={project.id}
          teamMembers={teamMembers}
          initial={{
            name: project.name,
            summary: project.summary,
            ownerId: project.ownerId,
            status: project.status,
            startOn: project.startOn ? dayString(project.startOn) : '',
            targetOn: project.targetOn ? dayString(project.targetOn) : '',
          }}
        />
      </Card>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ProjectStatusBadge } from '@/components/projects/project-status-badge';
import { ProjectUpdateForm } from '@/components/projects/project-update-form';
import { Markdown } from '@/components/stories/markdown';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { getProject } from '@/lib/projects/projects';
import { requirePageActor } from '@/lib/session';
import { dayString, formatDay } from '@/lib/dates/day';
import { orPageError } from '@/lib/pages';

export const metadata: Metadata = { title: 'Project' };

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePageActor();
  const { projectId } = await params;
  const { project, canManage } = await orPageError(getProject(actor, projectId));
  return (
    <>
      <PageHeader
        title={project.name}
        description={
          <>
            {project.team.name} · Owner{' '}
            <Link href={`/people/${project.owner.id}`} className="underline-offset-2 hover:underline">
              {project.owner.name}
            </Link>
          </>
        }
        actions={
          canManage ? (
            <Link href={`/projects/${project.id}/edit`} className={buttonClass('secondary')}>
              Edit project
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Summary">
            <Markdown text={project.summary} />
          </Card>
          <Card title="Updates">
            {project.updates.length === 0 ? <p className="text-sm text-ink-muted">No updates yet.</p> : null}
            <ol className="space-y-4" aria-label="Updates, newest first">
              {project.updates.map((u) => (
                <li key={u.id} className="border-l-2 border-accent-line pl-4">
                  <p className="text-xs font-medium text-ink-subtle">
                    <time dateTime={dayString(u.postedOn)}>{formatDay(u.postedOn)}</time> · {u.author.name}
                  </p>
                  <Markdown text={u.body} />
                </li>
              ))}
            </ol>
          </Card>
          {canManage ? (
            <Card title="Post an update">
              <ProjectUpdateForm projectId={project.id} today={dayString(new Date())} />
            </Card>
          ) : null}
        </div>
        <Card title="At a glance" className="h-fit">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium">Status</dt>
              <dd>
                <ProjectStatusBadge status={project.status} />
              </dd>
            </div>
            <div>
              <dt className="font-medium">Started</dt>
              <dd>{project.startOn ? formatDay(project.startOn) : 'Not yet'}</dd>
            </div>
            <div>
              <dt className="font-medium">Target</dt>
              <dd>{project.targetOn ? formatDay(project.targetOn) : 'None set'}</dd>
            </div>
          </dl>
          <p className="mt-4 text-sm">
            <Link href="/projects" className="text-accent underline">
              All projects
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ProjectStatusBadge } from '@/components/projects/project-status-badge';
import { Markdown } from '@/components/stories/markdown';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { projectListFilterSchema, PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '@/lib/projects/schemas';
import { listProjects } from '@/lib/projects/projects';
import { requirePageActor } from '@/lib/session';
import { formatDay } from '@/lib/dates/day';
import { TeamFilter } from '@/components/ui/filters';
import { SelectField } from '@/components/ui/field';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const filter = projectListFilterSchema.parse(await searchParams);
  const { teams, projects, canCreate } = await listProjects(actor, filter);
  return (
    <>
      <PageHeader
        title="Projects and initiatives"
        description="What our service teams are improving, and how far they have got."
        actions={
          canCreate ? (
            <Link href="/projects/new" className={buttonClass()}>
              New project
            </Link>
          ) : null
        }
      />
      <form
        aria-label="Filter projects"
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
      >
        <TeamFilter teams={teams} value={filter.team} />
        <SelectField label="Status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">Any status</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROJECT_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass('secondary')}>
          Show
        </button>
      </form>
      {projects.length === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-muted ring-1 ring-line">No projects match.</p>
      ) : null}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Projects">
        {projects.map((p) => (
          <li key={p.id} className="flex flex-col rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line">
            <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-base font-semibold">
                <Link href={`/projects/${p.id}`} className="text-accent underline-offset-2 hover:underline">
                  {p.name}
                </Link>
              </h2>
              <ProjectStatusBadge status={p.status} />
            </div>
            <p className="mb-3 text-xs text-ink-subtle">
              {p.team.name} · Owner{' '}
              <Link href={`/people/${p.owner.id}`} className="underline-offset-2 hover:underline">
                {p.owner.name}
              </Link>
              {p.targetOn ? ` · Target ${formatDay(p.targetOn)}` : ''}
            </p>
            <Markdown text={p.summary} className="line-clamp-4" />
            {p.latestUpdate ? (
              <div className="mt-auto pt-3 text-sm">
                <p className="border-t border-line-subtle pt-3 text-xs font-medium text-ink-subtle">
                  Latest update, {formatDay(p.latestUpdate.postedOn)} ({p.updateCount} in all)
                </p>
                <Markdown text={p.latestUpdate.body} className="line-clamp-3" />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

import type { ProjectStatus } from '@/lib/generated/prisma/enums';
import { PROJECT_STATUS_LABELS } from '@/lib/projects/schemas';

const STYLES: Record<ProjectStatus, string> = {
  PLANNED: 'bg-surface-strong text-ink ring-line-strong',
  IN_PROGRESS: 'bg-accent-surface text-accent ring-accent-line/25',
  DONE: 'bg-success-surface text-success ring-success-line',
  PAUSED: 'bg-warning-surface text-warning ring-warning-line',
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${STYLES[status]}`}>
      {PROJECT_STATUS_LABELS[status]}
    </span>
  );
}

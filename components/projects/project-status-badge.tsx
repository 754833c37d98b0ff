import type { ProjectStatus } from '@/lib/generated/prisma/enums';
import { PROJECT_STATUS_LABELS } from '@/lib/projects/schemas';

const STYLES: Record<ProjectStatus, string> = {
  PLANNED: 'bg-slate-100 text-slate-800 ring-slate-300',
  IN_PROGRESS: 'bg-brand-50 text-brand-700 ring-brand-100',
  DONE: 'bg-green-50 text-green-800 ring-green-200',
  PAUSED: 'bg-amber-50 text-amber-900 ring-amber-200',
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${STYLES[status]}`}>{PROJECT_STATUS_LABELS[status]}</span>;
}

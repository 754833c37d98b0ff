import { ASK_STATUS_LABELS } from '@/lib/asks/schemas';
import type { AskStatus } from '@/lib/generated/prisma/enums';

const TONE: Record<AskStatus, string> = {
  OPEN: 'bg-warning-surface text-warning ring-warning-line',
  IN_PROGRESS: 'bg-accent-surface text-accent ring-accent-line/40',
  DONE: 'bg-success-surface text-success ring-success-line',
  DECLINED: 'bg-surface-strong text-ink-muted ring-line-strong',
};

/** The status in words (never colour alone). */
export function AskStatusBadge({ status }: { status: AskStatus }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ring-1 ${TONE[status]}`}
      data-testid="ask-status"
    >
      {ASK_STATUS_LABELS[status]}
    </span>
  );
}

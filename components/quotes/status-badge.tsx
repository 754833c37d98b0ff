import type { QuoteStatus } from '@/lib/generated/prisma/enums';

const STYLES: Record<QuoteStatus, { label: string; className: string }> = {
  PENDING: { label: 'Waiting for approval', className: 'bg-warning-surface text-warning ring-warning-line' },
  APPROVED: { label: 'Approved', className: 'bg-success-surface text-success ring-success-line' },
  REJECTED: { label: 'Not approved', className: 'bg-danger-surface text-danger ring-danger-line' },
};

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const s = STYLES[status];
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${s.className}`}>
      {s.label}
    </span>
  );
}

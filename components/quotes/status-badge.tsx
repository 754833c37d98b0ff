import type { QuoteStatus } from '@/lib/generated/prisma/enums';

const STYLES: Record<QuoteStatus, { label: string; className: string }> = {
  PENDING: { label: 'Waiting for approval', className: 'bg-amber-50 text-amber-900 ring-amber-200' },
  APPROVED: { label: 'Approved', className: 'bg-green-50 text-green-800 ring-green-200' },
  REJECTED: { label: 'Not approved', className: 'bg-red-50 text-red-800 ring-red-200' },
};

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const s = STYLES[status];
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${s.className}`}>{s.label}</span>;
}

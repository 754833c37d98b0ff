import type { Metadata } from 'next';
import { QuoteWall } from '@/components/quotes/quote-wall';
import { hasRole } from '@/lib/authz';
import { listWall, listWallFilterOptions } from '@/lib/quotes/quotes';
import { wallFilterSchema } from '@/lib/quotes/schemas';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Quote wall' };

// The wall for whoever the proxy's gate does not open the kept one to (lib/kept/gate.ts): its
// guards then answer. Both show the same wall.
export default async function QuoteWallPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const filter = wallFilterSchema.parse(await searchParams);
  const [{ quotes, newer, older }, options] = await Promise.all([
    listWall(actor, filter),
    listWallFilterOptions(actor),
  ]);
  return (
    <QuoteWall
      filter={filter}
      quotes={quotes}
      newer={newer}
      older={older}
      options={options}
      canSubmit={hasRole(actor, 'AGENT', 'LEADER')}
    />
  );
}

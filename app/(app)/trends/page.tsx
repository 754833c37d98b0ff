import type { Metadata } from 'next';
import { TrendsView } from '@/components/trends/trends-view';
import { requirePageActor } from '@/lib/session';
import { trendsQuerySchema } from '@/lib/trends/query';
import { getTrends } from '@/lib/trends/trends';

export const metadata: Metadata = { title: 'Trends' };

// Trends for whoever the proxy's gate does not open the kept page to (lib/kept/gate.ts): its
// guards then answer. Both show the same view.
export default async function TrendsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const query = trendsQuerySchema.parse(await searchParams);
  const { teams, sections, tooLarge } = await getTrends(actor, query);
  return <TrendsView query={query} teams={teams} sections={sections} tooLarge={tooLarge} />;
}

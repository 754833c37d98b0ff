import type { Metadata } from 'next';
import { AppFrame } from '@/components/layout/app-frame';
import { KeptReader, ReaderHeader } from '@/components/layout/kept-reader';
import { TrendsView } from '@/components/trends/trends-view';
import { searchParamsRecord, segmentQuery } from '@/lib/search-params';
import { trendsQuerySchema } from '@/lib/trends/query';
import { trendsUnchecked } from '@/lib/trends/trends';
import { assertKeptAddress, KEPT_SEGMENTS } from '@/lib/kept/gate';

export const metadata: Metadata = { title: 'Trends' };

// Trends for one address, rendered once per version and kept (lib/kept/gate.ts): the proxy
// rewrites `GET /trends?…` here for an active, signed-in reader, and refuses this path to everyone
// else. `team` is the reader's team when the address names none ("any" when it does); `query` is
// the address's query string in canonical form. Nothing here reads the request.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { version: string; team: string; query: string }[] {
  return [];
}

type Params = { params: Promise<{ version: string; team: string; query: string }> };

export default async function KeptTrendsPage({ params }: Params) {
  const { version, team, query: encoded } = await params;
  assertKeptAddress(version, [team, KEPT_SEGMENTS.team], [encoded, KEPT_SEGMENTS.query]);
  const query = trendsQuerySchema.parse(searchParamsRecord(new URLSearchParams(segmentQuery(encoded))));
  const { teams, sections, tooLarge } = await trendsUnchecked(query, team === 'any' || team === 'all' ? null : team);
  return (
    <KeptReader>
      <AppFrame header={<ReaderHeader />}>
        <TrendsView query={query} teams={teams} sections={sections} tooLarge={tooLarge} />
      </AppFrame>
    </KeptReader>
  );
}

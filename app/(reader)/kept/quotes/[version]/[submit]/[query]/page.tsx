import type { Metadata } from 'next';
import { AppFrame } from '@/components/layout/app-frame';
import { KeptReader, ReaderHeader } from '@/components/layout/kept-reader';
import { QuoteWall } from '@/components/quotes/quote-wall';
import { wallFilterOptionsUnchecked, wallUnchecked } from '@/lib/quotes/quotes';
import { wallFilterSchema } from '@/lib/quotes/schemas';
import { searchParamsRecord, segmentQuery } from '@/lib/search-params';
import { assertKeptAddress, KEPT_SEGMENTS } from '@/lib/kept/gate';

export const metadata: Metadata = { title: 'Quote wall' };

// One page of the quote wall for one address, rendered once per version and kept
// (lib/kept/gate.ts): the proxy rewrites `GET /quotes?…` here for an active, signed-in reader, and
// refuses this path to everyone else. `submit` says whether the reader may submit quotes (agents
// and leaders); `query` is the address's query string in canonical form.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { version: string; submit: string; query: string }[] {
  return [];
}

type Params = { params: Promise<{ version: string; submit: string; query: string }> };

export default async function KeptQuoteWallPage({ params }: Params) {
  const { version, submit, query: encoded } = await params;
  assertKeptAddress(version, [submit, KEPT_SEGMENTS.submit], [encoded, KEPT_SEGMENTS.query]);
  const filter = wallFilterSchema.parse(searchParamsRecord(new URLSearchParams(segmentQuery(encoded))));
  const [{ quotes, newer, older }, options] = await Promise.all([wallUnchecked(filter), wallFilterOptionsUnchecked()]);
  return (
    <KeptReader>
      <AppFrame header={<ReaderHeader />}>
        <QuoteWall
          filter={filter}
          quotes={quotes}
          newer={newer}
          older={older}
          options={options}
          canSubmit={submit === 'submit'}
        />
      </AppFrame>
    </KeptReader>
  );
}

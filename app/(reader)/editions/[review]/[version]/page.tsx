import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { AppFrame } from '@/components/layout/app-frame';
import { editionMetadata } from '@/components/reviews/edition-metadata';
import { EditionView } from '@/components/reviews/edition-view';
import { PublishedNotice } from '@/components/reviews/published-notice';
import { EditionReader, EditionReaderCards, EditionReaderHeader } from '@/components/reviews/edition-reader';
import { keptEdition } from '@/lib/readership/edition-cache';
import { splitLensVersion } from '@/lib/departments/lens-path';

// A published edition's version, rendered once and kept (lib/readership/edition-cache.ts): the proxy
// rewrites `/reviews/<team>/<period>` here for an active, signed-in reader, and refuses this path
// to everyone else. Nothing here reads the request; the reader's part is fetched by the browser.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { review: string; version: string }[] {
  return [];
}

type Params = { params: Promise<{ review: string; version: string }> };

// Not notFound(): Next would keep that 404 under this version for good, and a version that is not
// current now (a change landed between the gate and this render) may be current again later. An
// error is never kept; the reader's next request gets the current version.
const load = cache(async (review: string, segment: string) => {
  // The reader's department rides in the address the gate wrote (lib/departments/lens-path.ts).
  const { version, departmentId } = splitLensVersion(segment);
  const edition = await keptEdition(review, version);
  if (!edition) throw new Error(`Edition ${review} has no current version ${version}.`);
  return { ...edition, lens: { departmentId } };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { review, version } = await params;
  const edition = await load(review, version);
  return editionMetadata(edition.team.name, edition.month, edition.snapshot.title);
}

export default async function KeptEditionPage({ params }: Params) {
  const { review, version } = await params;
  const edition = await load(review, version);
  return (
    <EditionReader reviewId={edition.id}>
      <AppFrame header={<EditionReaderHeader />}>
        <p className="no-print mb-4 text-sm">
          <Link href="/reviews" className="text-accent underline">
            ← All reviews
          </Link>
        </p>
        <EditionView
          snapshot={edition.snapshot}
          publishedAt={edition.publishedAt}
          history={edition.history}
          banner={<PublishedNotice />}
          zone={edition.zone}
          thanksLink
          lens={edition.lens}
        />
        <EditionReaderCards reviewId={edition.id} zone={edition.zone} />
      </AppFrame>
    </EditionReader>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { after } from 'next/server';
import { cache } from 'react';
import { editionMetadata } from '@/components/reviews/edition-metadata';
import { EditionView } from '@/components/reviews/edition-view';
import { PublishedNotice } from '@/components/reviews/published-notice';
import { ReaderCards } from '@/components/reviews/edition-reader';
import { NotFoundError } from '@/lib/errors';
import { isPeriod } from '@/lib/editions/period';
import { readEdition, recordEditionView } from '@/lib/readership/readers';
import { requirePageActor } from '@/lib/session';
import { teamTimeZone } from '@/lib/time-zone';
import { readOwnDepartmentId } from '@/lib/departments/reader';

type Params = { params: Promise<{ team: string; month: string }> };

// The title and the page read the edition through the same guard, once per request: metadata
// never names an edition its reader could not open.
const loadEdition = cache(async (slug: string, month: string) => {
  const actor = await requirePageActor();
  if (!isPeriod(month)) notFound();
  const edition = await readEdition(actor, slug, month).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return { actor, edition };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { team: slug, month } = await params;
  const { edition } = await loadEdition(slug, month);
  return editionMetadata(edition.team.name, month, edition.snapshot.title);
}

export default async function EditionPage({ params }: Params) {
  const { team: slug, month } = await params;
  const { actor, edition } = await loadEdition(slug, month);
  const [zone, departmentId] = await Promise.all([teamTimeZone(edition.team.id), readOwnDepartmentId(actor)]);
  // Counting the reader is a write the page does not need to wait for.
  after(() => recordEditionView(actor, edition));
  return (
    <>
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
        zone={zone}
        thanksLink
        lens={{ departmentId }}
      />
      <ReaderCards
        reviewId={edition.id}
        zone={zone}
        state={{
          thanks: edition.myThanks ? { note: edition.myThanks.note } : null,
          optedOut: edition.optedOut,
          team: { slug: edition.team.slug, name: edition.team.name },
          readership: edition.readership,
          canModerate: edition.canModerate,
          reachHref: edition.reachHref,
        }}
      />
    </>
  );
}

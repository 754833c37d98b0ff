import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditionView } from '@/components/reviews/edition-view';
import { PreviewPublish } from '@/components/reviews/preview-publish';
import { NotFoundError } from '@/lib/errors';
import { monthLabel } from '@/lib/dates/month';
import { isPeriod } from '@/lib/editions/period';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { loadPreview } from '@/lib/publishing/pages';
import { requirePageActor } from '@/lib/session';
import { teamTimeZone } from '@/lib/time-zone';
import { formatDraftSaves } from '@/lib/format';

export const metadata: Metadata = { title: 'Preview edition' };

export default async function PreviewPage({ params }: { params: Promise<{ team: string; month: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const { team: slug, month } = await params;
  const team = await managedTeamOrInterrupt(actor, slug);
  if (!isPeriod(month)) notFound();
  const preview = await loadPreview(actor, team, month).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <EditionView
      snapshot={preview.snapshot}
      zone={await teamTimeZone(team.id)}
      banner={
        <div className="no-print mb-6 space-y-3 rounded-md bg-accent-surface px-3 py-2 text-sm text-accent-strong ring-1 ring-accent-line/25">
          <p role="note">
            Preview of the saved draft ({formatDraftSaves(preview.version)}) with today’s figures: this is exactly what
            readers will see once you publish.{' '}
            <Link href={`/manage/${team.slug}/reviews/${month}`} className="font-semibold underline">
              Back to the composer
            </Link>
          </p>
          {preview.draft.status === 'DRAFT' ? (
            <PreviewPublish
              team={team.slug}
              month={month}
              monthLabel={monthLabel(month)}
              values={preview.values}
              emailOn={preview.emailOn}
              recipients={preview.recipients}
              distribution={preview.draft.distribution}
              stale={Boolean(preview.stale)}
            />
          ) : null}
        </div>
      }
    />
  );
}

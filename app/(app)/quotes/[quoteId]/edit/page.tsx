import type { Metadata } from 'next';
import Link from 'next/link';
import { QuoteForm } from '@/components/quotes/quote-form';
import { Card, PageHeader } from '@/components/ui/card';
import { ConflictError } from '@/lib/errors';
import { getOwnQuoteForEdit } from '@/lib/quotes/quotes';
import { requirePageActor } from '@/lib/session';
import { dayString } from '@/lib/dates/day';
import { orPageError } from '@/lib/pages';

export const metadata: Metadata = { title: 'Edit your quote' };

export default async function EditQuotePage({ params }: { params: Promise<{ quoteId: string }> }) {
  const actor = await requirePageActor('AGENT', 'LEADER');
  const { quoteId } = await params;
  const found = await orPageError(
    getOwnQuoteForEdit(actor, quoteId).catch((error: unknown) => {
      if (error instanceof ConflictError) return null;
      throw error;
    }),
  );
  if (!found) {
    return (
      <>
        <PageHeader title="Edit your quote" />
        <Card>
          <p className="text-sm text-ink-muted">
            A leader has already moderated this quote, so its words are final.{' '}
            <Link href="/quotes/mine" className="text-accent underline">
              See its status
            </Link>
            .
          </p>
        </Card>
      </>
    );
  }
  const { quote, teamMembers } = found;
  return (
    <>
      <PageHeader title="Edit your quote" description="You can change it until a leader approves or rejects it." />
      <Card>
        <QuoteForm
          quoteId={quote.id}
          teamMembers={teamMembers}
          today={dayString(new Date())}
          initial={{
            text: quote.text,
            attribution: quote.attribution,
            consent: Boolean(quote.consentRecordedAt),
            customerName: quote.customerName ?? '',
            customerOrganisation: quote.customerOrganisation ?? '',
            channel: quote.channel,
            receivedOn: dayString(quote.receivedOn),
            sourceReference: quote.sourceReference ?? '',
            creditIds: quote.credits.map((c) => c.userId),
          }}
        />
      </Card>
    </>
  );
}

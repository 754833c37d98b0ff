import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { QuoteForm } from '@/components/quotes/quote-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getQuoteFormOptions } from '@/lib/quotes/quotes';
import { requirePageActor } from '@/lib/session';
import { dayString } from '@/lib/dates/day';
import { orPageError } from '@/lib/pages';

export const metadata: Metadata = { title: 'Submit a quote' };

export default async function NewQuotePage() {
  const actor = await requirePageActor('AGENT', 'LEADER');
  const { teamMembers } = await orPageError(getQuoteFormOptions(actor));
  const today = dayString(new Date());
  return (
    <>
      <PageHeader
        title="Submit a customer quote"
        description="A leader of your team approves it before it appears on the wall."
      />
      <Card>
        <QuoteForm
          // Made once per rendered form: sending it twice (a double click, a retry) makes one quote.
          submissionKey={randomUUID()}
          teamMembers={teamMembers}
          today={today}
          initial={{
            text: '',
            attribution: 'ANONYMOUS',
            consent: false,
            customerName: '',
            customerOrganisation: '',
            channel: '',
            receivedOn: today,
            sourceReference: '',
            creditIds: [actor.id],
          }}
        />
      </Card>
    </>
  );
}

import type { QuoteAttribution } from '../generated/prisma/enums';

type Attributed = { attribution: QuoteAttribution; customerName: string | null; customerOrganisation: string | null };

/**
 * The only words any page shows about who the customer is. Anonymous quotes show no name or
 * organisation even if one were stored, so a bad row cannot leak through a display.
 */
export function citeFor(quote: Attributed): string {
  switch (quote.attribution) {
    case 'NAMED':
      return [quote.customerName, quote.customerOrganisation].filter(Boolean).join(', ') || 'A customer';
    case 'ORGANISATION':
      return quote.customerOrganisation ? `A customer at ${quote.customerOrganisation}` : 'A customer';
    case 'ANONYMOUS':
      return 'A customer';
  }
}

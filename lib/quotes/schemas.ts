import { z } from 'zod';
import type { QuoteAttribution, QuoteChannel } from '../generated/prisma/enums';
import { isMonth } from '../dates/month';
import { pastDay } from '../dates/day';
import { creditIdsField, idField } from '../fields';
import { formatCount } from '../format';

/** Stated at each field and enforced here. */
export const QUOTE_LIMITS = {
  text: 2000,
  customerName: 120,
  customerOrganisation: 120,
  sourceReference: 200,
  pullQuote: 300,
  reason: 500,
  search: 200,
} as const;

export const CHANNEL_LABELS: Record<QuoteChannel, string> = {
  PHONE: 'Phone',
  EMAIL: 'Email',
  CHAT: 'Chat',
  SOCIAL: 'Social media',
  MESSAGING: 'Messaging',
  OTHER: 'Other',
};
export const CHANNELS = Object.keys(CHANNEL_LABELS) as QuoteChannel[];

export const ATTRIBUTION_LABELS: Record<QuoteAttribution, string> = {
  NAMED: 'Named — the customer agreed to be named',
  ORGANISATION: 'Organisation only',
  ANONYMOUS: 'Anonymous',
};
export const ATTRIBUTIONS = Object.keys(ATTRIBUTION_LABELS) as QuoteAttribution[];

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .default('')
    .transform((v) => (v === '' ? null : v));

const quoteFields = z.object({
  text: z
    .string({ error: 'Enter the customer’s words.' })
    .trim()
    .min(3, 'Enter the customer’s words.')
    .max(QUOTE_LIMITS.text, `Keep the quote under ${formatCount(QUOTE_LIMITS.text)} characters.`),
  attribution: z.enum(ATTRIBUTIONS as [QuoteAttribution, ...QuoteAttribution[]], {
    error: 'Choose how to attribute the quote.',
  }),
  consent: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  customerName: optionalText(QUOTE_LIMITS.customerName, `Keep the name under ${QUOTE_LIMITS.customerName} characters.`),
  customerOrganisation: optionalText(
    QUOTE_LIMITS.customerOrganisation,
    `Keep the organisation under ${QUOTE_LIMITS.customerOrganisation} characters.`,
  ),
  channel: z.enum(CHANNELS as [QuoteChannel, ...QuoteChannel[]], { error: 'Choose the channel it came in on.' }),
  receivedOn: pastDay('date received'),
  sourceReference: optionalText(
    QUOTE_LIMITS.sourceReference,
    `Keep the reference under ${QUOTE_LIMITS.sourceReference} characters.`,
  ),
  creditIds: creditIdsField(),
});

type QuoteFields = z.output<typeof quoteFields>;

/** Report attribution problems together with every other field's, not only once the rest is valid. */
const always = { when: () => true };

/**
 * Attribution rules, and the anonymity guarantee at its root: what the attribution does not
 * allow to show is dropped here and never stored.
 */
function applyAttribution<T extends QuoteFields>(value: T, ctx: z.RefinementCtx) {
  // Runs even when other fields failed (see `always`), so fields may still hold raw input.
  if (value.attribution === 'NAMED') {
    if (!value.customerName)
      ctx.addIssue({
        code: 'custom',
        path: ['customerName'],
        message: 'Enter the customer’s name, or choose another attribution.',
      });
    if (!value.consent)
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'Only name a customer who agreed to it: confirm their consent, or choose another attribution.',
      });
  }
  if (value.attribution === 'ORGANISATION' && !value.customerOrganisation) {
    ctx.addIssue({
      code: 'custom',
      path: ['customerOrganisation'],
      message: 'Enter the customer’s organisation, or choose “Anonymous”.',
    });
  }
}

function dropHidden<T extends QuoteFields>(value: T) {
  const named = value.attribution === 'NAMED';
  return {
    ...value,
    consent: named && value.consent,
    customerName: named ? value.customerName : null,
    customerOrganisation: value.attribution === 'ANONYMOUS' ? null : value.customerOrganisation,
  };
}

export const submitQuoteSchema = quoteFields
  .extend({ submissionKey: z.string().trim().min(8, 'Reload the page and try again.').max(64) })
  .superRefine(applyAttribution, always)
  .transform(dropHidden);
export type SubmitQuoteInput = z.output<typeof submitQuoteSchema>;

export const updateQuoteSchema = quoteFields
  .extend({ quoteId: idField })
  .superRefine(applyAttribution, always)
  .transform(dropHidden);
export type UpdateQuoteInput = z.output<typeof updateQuoteSchema>;

export const approveQuoteSchema = z.object({
  quoteId: idField,
  pullQuote: z
    .string()
    .trim()
    .max(QUOTE_LIMITS.pullQuote, `Keep the pull-quote under ${QUOTE_LIMITS.pullQuote} characters.`)
    .default('')
    .transform((v) => (v === '' ? null : v)),
});
export type ApproveQuoteInput = z.output<typeof approveQuoteSchema>;

export const rejectQuoteSchema = z.object({
  quoteId: idField,
  reason: z
    .string({ error: 'Tell the submitter why.' })
    .trim()
    .min(3, 'Tell the submitter why.')
    .max(QUOTE_LIMITS.reason, `Keep the reason under ${QUOTE_LIMITS.reason} characters.`),
});
export type RejectQuoteInput = z.output<typeof rejectQuoteSchema>;

const CURSOR = /^\d{4}-\d{2}-\d{2}_[A-Za-z0-9-]{1,64}$/;
const ignoreBad = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The wall's URL: anything malformed is ignored rather than failing the page. */
export const wallFilterSchema = z.object({
  team: ignoreBad(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,60}$/),
  ),
  channel: ignoreBad(z.enum(CHANNELS as [QuoteChannel, ...QuoteChannel[]])),
  person: ignoreBad(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,64}$/),
  ),
  month: ignoreBad(z.string().trim().refine(isMonth)),
  q: ignoreBad(
    z
      .string()
      .trim()
      .max(QUOTE_LIMITS.search)
      .transform((v) => v || undefined),
  ),
  after: ignoreBad(z.string().regex(CURSOR)),
  before: ignoreBad(z.string().regex(CURSOR)),
});
export type WallFilter = z.output<typeof wallFilterSchema>;

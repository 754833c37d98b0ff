// What publishing just did, carried in the published edition's address so the page the leader lands
// on can say it: "Published · emailed 31 people · posted to 2 destinations". The counts are read by
// the publish action right after its transaction (the queued email's recipients, the deliveries
// created). Pure, no server-only: the banner on the kept edition page reads it in the browser, since
// the kept page itself reads nothing of the request.
import { formatNumber } from '../format';

export type PublishReceipt = {
  revision: number;
  /** null: email is off (no SMTP server), so nobody was emailed. */
  emailed: number | null;
  posted: number;
};

export const RECEIPT_PARAMS = ['published', 'emailed', 'posted'] as const;

export function receiptSearch(receipt: PublishReceipt): string {
  const params = new URLSearchParams({ published: String(receipt.revision), posted: String(receipt.posted) });
  if (receipt.emailed !== null) params.set('emailed', String(receipt.emailed));
  return `?${params.toString()}`;
}

const count = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

export function readReceipt(search: string): PublishReceipt | null {
  const params = new URLSearchParams(search);
  const revision = count(params.get('published'));
  const posted = count(params.get('posted'));
  if (!revision || posted === null) return null;
  return { revision, emailed: count(params.get('emailed')), posted };
}

const people = (n: number) => `${formatNumber(n)} ${n === 1 ? 'person' : 'people'}`;
const destinations = (n: number) => `${formatNumber(n)} ${n === 1 ? 'destination' : 'destinations'}`;

export function receiptText(receipt: PublishReceipt): string {
  return [
    'Published',
    receipt.emailed === null ? 'not emailed (email is off)' : `emailed ${people(receipt.emailed)}`,
    `posted to ${destinations(receipt.posted)}`,
  ].join(' · ');
}

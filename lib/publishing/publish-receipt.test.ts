import { describe, expect, it } from 'vitest';
import { readReceipt, receiptSearch, receiptText } from './publish-receipt';

describe('the publish receipt the published edition shows', () => {
  it('says what went out, and travels through the address unchanged', () => {
    const receipt = { revision: 1, emailed: 1234, posted: 2 };
    expect(receiptText(receipt)).toBe('Published · emailed 1,234 people · posted to 2 destinations');
    expect(readReceipt(receiptSearch(receipt))).toEqual(receipt);
  });

  it('says one person and one destination, and that email is off', () => {
    expect(receiptText({ revision: 1, emailed: 1, posted: 1 })).toBe(
      'Published · emailed 1 person · posted to 1 destination',
    );
    const off = readReceipt(receiptSearch({ revision: 1, emailed: null, posted: 0 }));
    expect(off).toEqual({ revision: 1, emailed: null, posted: 0 });
    expect(receiptText(off!)).toBe('Published · not emailed (email is off) · posted to 0 destinations');
  });

  it('ignores an address without a receipt or with a made-up one', () => {
    expect(readReceipt('')).toBeNull();
    expect(readReceipt('?tab=2')).toBeNull();
    expect(readReceipt('?published=1&posted=<script>')).toBeNull();
    expect(readReceipt('?published=0&posted=1')).toBeNull();
  });
});

'use client';
import { useEffect, useRef, useState } from 'react';
import { RECEIPT_PARAMS, readReceipt, receiptText, type PublishReceipt } from '@/lib/publishing/publish-receipt';

/**
 * "Published · emailed 31 people · posted to 2 destinations" on the edition the leader lands on
 * after publishing. Read from the address in the browser (the kept edition page reads nothing of
 * the request), then taken out of it, so a reload or a shared link does not say it again.
 */
export function PublishedNotice() {
  const [receipt, setReceipt] = useState<PublishReceipt | null>(null);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const found = readReceipt(window.location.search);
    if (!found) return;
    // Reading the address once, after hydration: there is no server value to render it from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReceipt(found);
    const url = new URL(window.location.href);
    for (const name of RECEIPT_PARAMS) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, []);
  useEffect(() => {
    if (receipt) region.current?.focus();
  }, [receipt]);
  if (!receipt) return null;
  return (
    <div
      ref={region}
      tabIndex={-1}
      role="status"
      data-testid="published-notice"
      className="no-print mb-6 rounded-md bg-success-surface px-3 py-2 text-sm font-medium text-success ring-1 ring-success-line outline-none"
    >
      {receiptText(receipt)}
    </div>
  );
}

import 'server-only';
import { deliverDueEmails, smtpFromEnv } from './email';

const EVERY_MS = 60_000;
const globalForWorker = globalThis as unknown as { reviewEmailWorker?: NodeJS.Timeout };

/**
 * Retries failed edition emails when their time comes (publishing itself sends right after the
 * commit). Every instance may run it: the outbox claim lets only one of them send each email.
 */
export function startEmailWorker(): void {
  if (globalForWorker.reviewEmailWorker || !smtpFromEnv()) return;
  globalForWorker.reviewEmailWorker = setInterval(() => {
    deliverDueEmails().catch((error: unknown) =>
      console.error('[service-review] edition emails:', error instanceof Error ? error.message : error),
    );
  }, EVERY_MS);
  globalForWorker.reviewEmailWorker.unref();
}

import { formatInstant } from '@/lib/dates/zone';
import { RetryEmailForm } from './small-forms';

export type EmailStatusRow = {
  id: string;
  status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
  attempts: number;
  lastError: string | null;
  recipients: number;
  sentAt: Date | null;
  nextAttemptAt: Date;
  /** Recipients recorded as sent so far, of those the email goes to. */
  progress: { sent: number; of: number };
  /** SENDING, but its sender is gone (its lease ran out). */
  stalled: boolean;
};

const people = (n: number) => `${n} recipient${n === 1 ? '' : 's'}`;
const soFar = (p: EmailStatusRow['progress']) => (p.of ? `${p.sent} of ${p.of} sent` : 'none sent yet');

/** An edition's emails for its leader: where each stands, and a button when one needs a hand. */
export function EmailStatusList({ emails, zone }: { emails: EmailStatusRow[]; zone: string }) {
  if (!emails.length) return null;
  return (
    <ul className="mt-3 space-y-2 text-sm" aria-label="Emails sent for this edition">
      {emails.map((e) => (
        <li key={e.id} data-testid="email-status">
          {e.status === 'SENT' ? (
            <>
              <span className="font-medium">Sent</span>
              {e.sentAt ? ` ${formatInstant(e.sentAt, zone)} to ${people(e.recipients)}` : ''}
            </>
          ) : null}
          {e.status === 'PENDING' ? (
            <>
              <span className="font-medium">Waiting to be sent</span>
              {e.progress.sent ? ` (${soFar(e.progress)}; the rest go out next)` : ''}
            </>
          ) : null}
          {e.status === 'SENDING' && !e.stalled ? (
            <>
              <span className="font-medium">Sending</span>: {soFar(e.progress)}.
            </>
          ) : null}
          {e.status === 'SENDING' && e.stalled ? (
            <>
              <span className="font-medium">Stopped mid-send</span>
              {`: ${soFar(e.progress)}. The server sending it went away; another picks it up within a few minutes, or resume it now. Only those not yet sent get it.`}
              <div className="mt-1">
                <RetryEmailForm emailId={e.id} label="Resume now" />
              </div>
            </>
          ) : null}
          {e.status === 'FAILED' ? (
            <>
              <span className="font-medium">Failed</span>
              {` after ${e.attempts} attempt${e.attempts === 1 ? '' : 's'} (${soFar(e.progress)}): ${e.lastError ?? 'unknown error'}. Next automatic try ${e.attempts < 5 ? formatInstant(e.nextAttemptAt, zone) : 'none (gave up)'}.`}
              <div className="mt-1">
                <RetryEmailForm emailId={e.id} label="Retry now" />
              </div>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { UnsubscribeForm } from '@/components/reviews/unsubscribe-form';
import { NotFoundError } from '@/lib/errors';
import { describeUnsubscribe } from '@/lib/distribution/unsubscribe';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

// Public: opened from an edition email by people who may have no account (a distribution list).
// The signed token in the address is the only thing that decides which address and team.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await describeUnsubscribe(token).catch((error: unknown) => {
    if (error instanceof NotFoundError) return { error: error.message };
    throw error;
  });
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">Service Review</p>
      <h1 className="mt-2 text-2xl font-bold text-ink">Edition emails</h1>
      {'error' in found ? (
        <p
          className="mt-4 rounded-md bg-danger-surface px-3 py-2 text-sm text-danger ring-1 ring-danger-line"
          role="alert"
        >
          {found.error}
        </p>
      ) : found.optedOut ? (
        <p className="mt-4 text-ink-muted" role="status">
          {found.email} already gets none of {found.team.name}’s editions by email.
        </p>
      ) : (
        <div className="mt-4 space-y-4">
          <p className="text-ink-muted">
            Stop sending {found.team.name}’s monthly editions to <strong className="text-ink">{found.email}</strong>?
            The editions stay readable in Service Review.
          </p>
          <UnsubscribeForm token={token} teamName={found.team.name} />
        </div>
      )}
      <p className="mt-8 text-sm text-ink-subtle">
        Changed your mind later? Sign in, open an edition and choose to get its emails again.{' '}
        <Link href="/about" className="text-accent underline">
          About Service Review
        </Link>
      </p>
    </main>
  );
}

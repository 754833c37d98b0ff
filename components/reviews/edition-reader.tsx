'use client';
// The reader's part of a published edition served from the per-revision cache: the page is the
// same for everyone, so who reads it (their header, thanks, email choice, and for the team the
// readership) is fetched once it is in the browser. See lib/readership/edition-cache.ts.
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { Card } from '@/components/ui/card';
import type { HeaderReader } from '@/lib/navigation';
import { SAY_THANKS_ID } from './say-thanks';
import { ReadershipPanel, type Readership } from './readership-panel';
import { OptOutForm, ThanksForm } from './small-forms';

type ReaderState = {
  header: HeaderReader;
  thanks: { note: string | null } | null;
  optedOut: boolean;
  team: { slug: string; name: string };
  readership: Readership | null;
  canModerate: boolean;
  reachHref: string | null;
};

type Loaded = { state: ReaderState | null; failed: boolean; reload: () => void };
const ReaderContext = createContext<Loaded>({ state: null, failed: false, reload: () => {} });

/** Dates arrive as JSON strings. */
function revive(json: ReaderState): ReaderState {
  if (!json.readership) return json;
  return {
    ...json,
    readership: { ...json.readership, notes: json.readership.notes.map((n) => ({ ...n, at: new Date(n.at) })) },
  };
}

export function EditionReader({ reviewId, children }: { reviewId: string; children: ReactNode }) {
  const [state, setState] = useState<ReaderState | null>(null);
  const [failed, setFailed] = useState(false);
  const router = useRouter();
  const reload = useCallback(() => {
    fetch(`/api/editions/${encodeURIComponent(reviewId)}/reader`, { cache: 'no-store' })
      .then(async (res) => {
        // Signed out in another tab since the page was opened: the sign-in page brings them back.
        if (res.status === 401) {
          router.push(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
          return;
        }
        if (!res.ok) throw new Error(String(res.status));
        setState(revive((await res.json()) as ReaderState));
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [reviewId, router]);
  useEffect(reload, [reload]);
  return <ReaderContext.Provider value={{ state, failed, reload }}>{children}</ReaderContext.Provider>;
}

export function EditionReaderHeader() {
  return <AppHeader reader={useContext(ReaderContext).state?.header ?? null} />;
}

/** What the cards show one reader: fetched by the cached page, read on the server by the dynamic one. */
export type ReaderCardsState = Pick<
  ReaderState,
  'thanks' | 'optedOut' | 'team' | 'readership' | 'canModerate' | 'reachHref'
>;

/**
 * Thanks, readership and email choice, on both edition pages. `state` is null until the reader is
 * known (the cached page): the same cards then say so. `onSaved` refetches after a form is sent.
 */
export function ReaderCards({
  reviewId,
  zone,
  state,
  failed = false,
  onSaved,
}: {
  reviewId: string;
  zone: string;
  state: ReaderCardsState | null;
  failed?: boolean;
  onSaved?: () => void;
}) {
  const waiting = (
    <p className="text-sm text-ink-muted" role={failed ? 'alert' : undefined}>
      {failed ? 'This part of the page could not be loaded. Reload the page to try again.' : 'Loading…'}
    </p>
  );
  return (
    <div className="no-print mx-auto mt-10 grid max-w-4xl gap-6 md:grid-cols-2">
      <Card title="Say thanks" id={SAY_THANKS_ID} className="scroll-mt-4">
        {state ? (
          <ThanksForm
            reviewId={reviewId}
            thanked={Boolean(state.thanks)}
            note={state.thanks?.note ?? null}
            onSaved={onSaved}
          />
        ) : (
          waiting
        )}
      </Card>
      <div className="space-y-6">
        {state?.readership ? (
          <ReadershipPanel
            readership={state.readership}
            canModerate={state.canModerate}
            zone={zone}
            reachHref={state.reachHref ?? undefined}
            onSaved={onSaved}
          />
        ) : null}
        <Card title="Email">
          {state ? (
            <OptOutForm team={state.team.slug} teamName={state.team.name} optedOut={state.optedOut} onSaved={onSaved} />
          ) : (
            waiting
          )}
        </Card>
      </div>
    </div>
  );
}

/** The cached page's cards, from the reader's part fetched by EditionReader. */
export function EditionReaderCards({ reviewId, zone }: { reviewId: string; zone: string }) {
  const { state, failed, reload } = useContext(ReaderContext);
  return <ReaderCards reviewId={reviewId} zone={zone} state={state} failed={failed} onSaved={reload} />;
}

import type { ReactNode } from 'react';
import { AppFrame } from '@/components/layout/app-frame';
import { AppHeader } from '@/components/layout/app-header';
import { headerFor } from '@/lib/header';
import { requirePageSessionUser } from '@/lib/session';

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Lets a one-time-password session through to the password page; every other page sends it there.
  const actor = await requirePageSessionUser();
  return (
    <AppFrame
      header={<AppHeader reader={await headerFor(actor)} />}
      banner={
        actor.passwordChangeRequired ? (
          <div className="no-print bg-warning-surface px-4 py-2 text-center text-sm text-warning ring-1 ring-warning-line">
            You signed in with a one-time password: choose your own below before anything else opens.
          </div>
        ) : null
      }
    >
      {children}
    </AppFrame>
  );
}

import type { ReactNode } from 'react';

/** Every signed-in page's frame: the skip link, the header, any banner, then the page in <main>. */
export function AppFrame({ header, banner, children }: { header: ReactNode; banner?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      {header}
      {banner}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}

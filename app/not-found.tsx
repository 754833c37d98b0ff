import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-bold">We could not find that page</h1>
      <p className="mt-2 text-ink-subtle">It may have moved, or the link may be mistyped.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent underline">
        Go to the home page
      </Link>
    </main>
  );
}

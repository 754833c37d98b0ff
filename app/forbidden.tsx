import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-accent">403</p>
      <h1 className="mt-2 text-2xl font-bold">This page is not available to you</h1>
      <p className="mt-2 text-ink-subtle">Your role does not include it. If you need it, ask an admin.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent underline">
        Go to the home page
      </Link>
    </main>
  );
}

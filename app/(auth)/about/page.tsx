import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'About' };

// Public and the same for everyone: prerendered at build time, it reads nothing about the reader
// and nothing from the database.
const ROLES = [
  { name: 'Agents', does: 'submit what customers said and the team’s wins, crediting the teammates involved.' },
  {
    name: 'Team leaders',
    does: 'enter or import each month’s figures, approve quotes, track projects and publish the monthly edition.',
  },
  { name: 'Colleagues', does: 'browse the dashboard, read each edition and say thanks to the team.' },
  {
    name: 'Executives',
    does: 'study the trends across months and years, with the wins and projects that explain them.',
  },
];

const FIGURES = [
  { term: 'Contacts', means: 'calls, emails, chats and messages received, per channel, and how many were handled.' },
  {
    term: 'Contact reasons',
    means: 'what customers got in touch about, so the organisation sees where questions come from.',
  },
  { term: 'Who contacted', means: 'the customer segments the contacts came from.' },
  { term: 'KPIs', means: 'how well the team answered — satisfaction, speed, resolution — each against its target.' },
];

export default function AboutPage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">Service Review</p>
      <h1 className="mt-2 text-3xl font-bold text-ink">The monthly review of our customer service</h1>
      <p className="mt-4 text-ink-muted">
        Customer-service teams answer thousands of customers every month, and most of that work goes unseen. Service
        Review shows it to the whole organisation: how many contacts arrived, from whom and about what, how well the
        team answered, and what customers said.
      </p>
      <h2 className="mt-10 text-xl font-bold text-ink">Who does what</h2>
      <ul className="mt-3 space-y-2 text-ink-muted">
        {ROLES.map((r) => (
          <li key={r.name}>
            <strong className="text-ink">{r.name}</strong> {r.does}
          </li>
        ))}
      </ul>
      <h2 className="mt-10 text-xl font-bold text-ink">What the figures mean</h2>
      <dl className="mt-3 space-y-2 text-ink-muted">
        {FIGURES.map((f) => (
          <div key={f.term}>
            <dt className="inline font-semibold text-ink">{f.term}:</dt> <dd className="inline">{f.means}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-10 text-xl font-bold text-ink">Getting access</h2>
      <p className="mt-3 text-ink-muted">
        Everyone in the organisation can read Service Review. Accounts are created by an administrator; ask yours if you
        cannot sign in.
      </p>
      <p className="mt-8">
        <Link href="/sign-in" className="font-semibold text-accent underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}

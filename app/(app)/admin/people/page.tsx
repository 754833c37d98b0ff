import type { Metadata } from 'next';
import { ErasePersonForm } from '@/components/privacy/erase-person-form';
import { RemoveCustomerNameForm } from '@/components/privacy/remove-customer-name-form';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { findNamedQuotes } from '@/lib/privacy/customer-name';
import { getPersonOverview, listPeople } from '@/lib/privacy/people';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Data rights' };

type Search = Promise<{ user?: string | string[]; customer?: string | string[]; nameRemoved?: string | string[] }>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? '';

export default async function PeoplePage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePageActor('ADMIN');
  const params = await searchParams;
  const userId = one(params.user);
  const customer = one(params.customer).trim();
  const nameRemoved = /^\d{1,6}$/.test(one(params.nameRemoved)) ? Number(one(params.nameRemoved)) : null;
  const [people, person, quotes] = await Promise.all([
    listPeople(actor),
    userId ? getPersonOverview(actor, userId) : null,
    customer ? findNamedQuotes(actor, customer) : [],
  ]);
  const counts = person
    ? [
        ['Quotes submitted', person._count.quotesSubmitted],
        ['Quotes crediting them', person._count.quoteCredits],
        ['Wins crediting them', person._count.winCredits],
        ['Project updates written', person._count.projectUpdates],
        ['Editions read', person._count.reviewViews],
        ['Thanks given', person._count.reviewThanks],
        ['Audit records as actor', person._count.auditEvents],
      ]
    : [];
  return (
    <>
      <PageHeader
        title="Data rights"
        description="Export everything held about a person, erase a person, or remove a customer's name from quotes and published editions. Every step is audited."
      />
      {nameRemoved !== null ? (
        <p
          role="status"
          className="mb-6 rounded-md bg-success-surface p-3 text-sm font-medium text-success ring-1 ring-success-line"
        >
          Name removed. {nameRemoved} published edition{nameRemoved === 1 ? '' : 's'} corrected, with a note readers
          see.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="A person">
          <form method="get" className="flex flex-wrap items-end gap-3">
            <label className="block min-w-0 flex-1 text-sm font-medium text-ink">
              Person
              <Select name="user" defaultValue={userId} className="mt-1">
                <option value="">Choose…</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {p.email}
                    {p.active ? '' : ' (inactive)'}
                  </option>
                ))}
              </Select>
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              Show
            </button>
          </form>
          {userId && !person ? <p className="mt-4 text-sm text-danger">No such person.</p> : null}
          {person ? (
            <div className="mt-6 space-y-6">
              <div>
                <h3 className="text-base font-semibold text-ink">{person.name}</h3>
                <p className="text-sm text-ink-muted">
                  {person.email} · {person.role.toLowerCase()}
                  {person.team ? ` · ${person.team.name}` : ''} · {person.active ? 'active' : 'inactive'}
                </p>
                <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                  {counts.map(([label, n]) => (
                    <div key={label} className="flex justify-between gap-2 border-b border-line-subtle py-1">
                      <dt className="text-ink-muted">{label}</dt>
                      <dd className="tabular-nums">{n}</dd>
                    </div>
                  ))}
                </dl>
              </div>
              <a href={`/api/admin/people/${person.id}/export`} className={buttonClass('secondary')} download>
                Download everything (JSON)
              </a>
              <section aria-labelledby="erase-heading" className="rounded-md p-4 ring-1 ring-danger-line">
                <h3 id="erase-heading" className="text-base font-semibold text-ink">
                  Erase
                </h3>
                <p className="mt-1 mb-4 text-sm text-ink-muted">
                  Replaces their name and email, removes their password and ends their sessions, clears their thanks
                  notes, shows their credits (also in published editions) as “Former colleague”, deletes their sign-in
                  attempts and scrubs them from the audit trail. Quotes, wins and figures stay with the team.
                </p>
                {person.erased ? (
                  <p className="text-sm font-medium text-ink">Already erased.</p>
                ) : person.self ? (
                  <p className="text-sm font-medium text-ink">You cannot erase yourself: ask another admin.</p>
                ) : (
                  <ErasePersonForm userId={person.id} email={person.email} />
                )}
              </section>
            </div>
          ) : null}
        </Card>
        <Card title="A customer's name">
          <form method="get" className="flex flex-wrap items-end gap-3">
            {userId ? <input type="hidden" name="user" value={userId} /> : null}
            <label className="block min-w-0 flex-1 text-sm font-medium text-ink">
              Customer name
              <Input name="customer" defaultValue={customer} maxLength={200} className="mt-1" />
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              Find quotes
            </button>
          </form>
          {customer ? (
            quotes.length ? (
              <ul className="mt-4 divide-y divide-line-subtle">
                {quotes.map((q) => (
                  <li key={q.id} className="space-y-2 py-3 text-sm">
                    <p className="text-ink">“{q.text}”</p>
                    <p className="text-ink-muted">
                      {q.customerName}
                      {q.customerOrganisation ? `, ${q.customerOrganisation}` : ''} · {q.team.name} ·{' '}
                      {q.receivedOn.toISOString().slice(0, 10)} · featured in {q._count.featuredIn} edition(s)
                    </p>
                    <RemoveCustomerNameForm
                      quoteId={q.id}
                      label={`Remove ${q.customerName ?? 'the name'} from this quote`}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-4 text-sm text-ink-subtle">No quote names a customer like “{customer}”.</p>
            )
          ) : (
            <p className="mt-4 text-sm text-ink-subtle">
              The name goes from the quote and from every published edition that showed it; each such edition gets a
              correction note readers see.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}

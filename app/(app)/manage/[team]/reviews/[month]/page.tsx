import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TeamTabs } from '@/components/figures/team-tabs';
import { FigureChanges } from '@/components/reviews/figure-changes';
import { ReviewForm } from '@/components/reviews/review-form';
import { DeliveryStatus } from '@/components/deliveries/delivery-status';
import { ReadershipPanel } from '@/components/reviews/readership-panel';
import { MeetTheTeamPicker } from '@/components/reviews/meet-the-team-picker';
import { getMeetTheTeamChoice } from '@/lib/profiles/meet-the-team';
import { EmailStatusList } from '@/components/reviews/email-status';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { isMonth, monthLabel } from '@/lib/dates/month';
import { isPeriod } from '@/lib/editions/period';
import { NotStarted } from '@/components/reviews/not-started';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { loadComposer } from '@/lib/publishing/pages';
import { requirePageActor } from '@/lib/session';
import { formatInstant, zoneLabel } from '@/lib/dates/zone';
import { formatDraftSaves } from '@/lib/format';
import { teamTimeZone } from '@/lib/time-zone';
import { DraftAsks } from '@/components/asks/draft-asks';
import { listDepartmentOptions, listEditionAsks } from '@/lib/asks/asks';

export const metadata: Metadata = { title: 'Compose edition' };

export default async function ComposePage({ params }: { params: Promise<{ team: string; month: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const { team: slug, month } = await params;
  const team = await managedTeamOrInterrupt(actor, slug);
  if (!isPeriod(month)) notFound();
  const composer = await loadComposer(actor, team, month);
  if (!composer) {
    // A month not started ("Needs you" links here) opens ready to start; a year starts from the list.
    if (!isMonth(month)) notFound();
    return <NotStarted team={team} month={month} />;
  }
  const {
    draft,
    values,
    quotes,
    emails,
    deliveries,
    emailOn,
    readership,
    events,
    omitted,
    stale,
    drift,
    generated,
    everyone,
  } = composer;
  const published = draft.status === 'PUBLISHED';
  const zone = await teamTimeZone(team.id);
  const [trackedAsks, departments] = await Promise.all([
    listEditionAsks(actor, team, draft.id),
    listDepartmentOptions(actor),
  ]);
  const meet = await getMeetTheTeamChoice(actor, team, month);
  return (
    <>
      <PageHeader
        title={
          draft.kind === 'YEAR' ? `${team.name}: ${month} year in review` : `${team.name}: ${monthLabel(month)} edition`
        }
        description={`${published ? 'Published' : 'Draft'} · ${formatDraftSaves(draft.version)}, the last ${formatInstant(draft.updatedAt, zone)}${draft.updatedBy ? ` by ${draft.updatedBy.name}` : ''} (times in ${zoneLabel(zone)}).`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/manage/${team.slug}/reviews/${month}/preview`} className={buttonClass('secondary')}>
              Preview
            </Link>
            {published ? (
              <Link href={`/reviews/${team.slug}/${month}`} className={buttonClass('secondary')}>
                Open the published edition
              </Link>
            ) : null}
          </div>
        }
      />
      <TeamTabs slug={team.slug} current="/reviews" />
      {drift ? (
        <section
          aria-labelledby="drift-title"
          className="mb-6 rounded-lg bg-warning-surface p-4 text-warning ring-1 ring-warning-line"
          data-testid="edition-drift"
        >
          <h2 id="drift-title" className="font-semibold">
            Figures changed since publishing
          </h2>
          <p className="mt-1 text-sm">
            Readers still see revision {drift.revision} with the figures as they were. To show them today’s, publish a
            correction: the note below is written from these differences.
          </p>
          <FigureChanges changes={drift.changes} shown={6} />
          <a href="#correction" className="mt-2 inline-block text-sm font-semibold underline">
            Go to the correction note
          </a>
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <ReviewForm
          team={team.slug}
          month={month}
          monthLabel={monthLabel(month)}
          period={draft.kind === 'YEAR' ? 'year' : 'month'}
          published={published}
          values={values}
          quotes={quotes.map((q) => ({
            id: q.id,
            text: q.pullQuote ?? q.text,
            cite: q.cite,
            receivedOn: q.receivedOn,
          }))}
          wins={events.wins.map((w) => ({
            ids: w.ids,
            title: w.title,
            detail: `${w.occurredOn}${w.credited.length ? `, ${w.credited.map((c) => c.name).join(', ')}` : ''}${w.ids.length > 1 ? ` (entered ${w.ids.length} times, shown once)` : ''}`,
          }))}
          updates={events.updates.map((u) => ({
            ids: [u.id],
            title: u.projectName,
            detail: `${u.postedOn}, ${u.author}: ${u.body.slice(0, 80)}${u.body.length > 80 ? '…' : ''}`,
          }))}
          omitted={[...omitted]}
          stale={stale}
          generated={generated}
          emailOn={emailOn}
          everyone={everyone}
          schedule={{
            at: draft.scheduledAt ? formatInstant(draft.scheduledAt, zone) : null,
            error: draft.scheduleError,
            zone: zoneLabel(zone),
          }}
        />
        <div className="space-y-6">
          <Card title="Tracked asks">
            <DraftAsks
              team={team.slug}
              month={month}
              published={published}
              asks={trackedAsks.map((a) => ({ ...a, department: a.department.name }))}
              departments={departments}
            />
          </Card>
          <Card title="Email">
            {emailOn ? (
              <p className="text-sm text-ink-muted">
                On first publish, the edition goes by email to{' '}
                {draft.distribution.trim() ? 'the distribution list' : 'every active user'} (except those who opted
                out).
              </p>
            ) : (
              <p
                className="rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line"
                data-testid="email-off"
              >
                Email is off: no SMTP server is configured. Publishing still works. An administrator sets{' '}
                <code>SMTP_HOST</code> and <code>MAIL_FROM</code> (see “Configuration” in the README).
              </p>
            )}
            <EmailStatusList emails={emails} zone={zone} />
          </Card>
          <Card title="Meet the team">
            <MeetTheTeamPicker team={team.slug} month={month} options={meet.options} selected={meet.selected} />
          </Card>
          <DeliveryStatus deliveries={deliveries} zone={zone} published={published} />
          {readership ? <ReadershipPanel readership={readership} canModerate zone={zone} /> : null}
        </div>
      </div>
    </>
  );
}

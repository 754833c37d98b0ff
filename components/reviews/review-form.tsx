'use client';
import { useActionState } from 'react';
import { saveReviewAction, type SaveReviewState } from '@/lib/publishing/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Checkbox, Input } from '@/components/ui/input';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FactChange } from '@/lib/editions/basis';
import { ScheduleControl } from './schedule-control';
import { EventPicker, MarkedTextarea, PublishButton, StalePanel, type PickItem } from './composer-parts';
import { useUnsavedChanges } from '@/components/ui/unsaved-changes';

export type ComposerQuote = { id: string; text: string; cite: string; receivedOn: string };

type Props = {
  team: string;
  month: string;
  monthLabel: string;
  /** A year in review words its fields for a year and has no project updates to pick. */
  period?: 'month' | 'year';
  published: boolean;
  values: Record<string, string>;
  quotes: ComposerQuote[];
  wins: PickItem[];
  updates: PickItem[];
  omitted: string[];
  /** What moved under the generated text since it was written; null when nothing did. */
  stale: FactChange[] | null;
  generated: { highlights: string[]; asks: string[] };
  emailOn: boolean;
  everyone: number;
  schedule: { at: string | null; error: string | null; zone: string };
};

function Theirs({ label, value, mine }: { label: string; value: string | undefined; mine: string | undefined }) {
  if (value === undefined || value === mine) return null;
  return (
    <details className="mt-1 rounded-md bg-warning-surface p-2 text-xs text-warning ring-1 ring-warning-line" open>
      <summary className="cursor-pointer font-semibold">{label}: the other leader’s version</summary>
      <pre className="mt-1 font-sans whitespace-pre-wrap">{value || '(empty)'}</pre>
    </details>
  );
}

/** The composer: one form, so "publish" publishes exactly what is on screen (saved first). */
export function ReviewForm({
  team,
  month,
  monthLabel,
  period = 'month',
  published,
  values: initial,
  quotes,
  wins,
  updates,
  omitted,
  stale: initialStale,
  generated,
  emailOn,
  everyone,
  schedule,
}: Props) {
  const [state, action, pending] = useActionState<SaveReviewState, FormData>(saveReviewAction, {
    ok: false,
    values: initial,
  });
  const guard = useUnsavedChanges();
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  // A refused publish brings the latest differences; a rewrite or confirmation clears them.
  const stale = state.stale === undefined ? initialStale : state.stale;
  return (
    <form {...guard} action={action} className="space-y-5" noValidate key={`${values.version}-${state.message ?? ''}`}>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="version" value={values.version ?? ''} />
      <FormMessage state={state} />
      {stale ? <StalePanel changes={stale} pending={pending} /> : null}
      <Field
        label="Title"
        name="title"
        defaultValue={values.title ?? ''}
        errors={errors.title}
        maxLength={160}
        required
      />
      <Theirs label="Title" value={state.conflict?.title} mine={values.title} />
      <MarkedTextarea
        label={`Highlights: the story of the ${period}`}
        name="highlights"
        rows={10}
        defaultValue={values.highlights ?? ''}
        errors={errors.highlights}
        generated={generated.highlights}
        separator="paragraph"
        hint="Markdown: **bold**, lists with -, links. Paragraphs written from the figures are marked below until you edit them; an edited paragraph is yours."
      />
      <Theirs label="Highlights" value={state.conflict?.highlights} mine={values.highlights} />
      <MarkedTextarea
        label="How you can help: asks to other departments"
        name="asks"
        rows={4}
        defaultValue={values.asks ?? ''}
        errors={errors.asks}
        generated={generated.asks}
        separator="line"
        hint="e.g. “The new invoice layout caused 300 calls: Finance, can we talk?” Markdown."
      />
      <Theirs label="Asks" value={state.conflict?.asks} mine={values.asks} />
      <TextareaField
        label="Following up: you asked, we did, and still open"
        name="followUps"
        rows={5}
        defaultValue={values.followUps ?? ''}
        errors={errors.followUps}
        hint="Written from your team’s tracked asks when the draft was started: asks done since the last edition, and those still open. Edit freely; Markdown. Empty: the section is left out."
      />

      <fieldset className="rounded-lg bg-surface p-4 ring-1 ring-line">
        <legend className="px-1 text-sm font-semibold text-ink">Featured quotes</legend>
        <p className="mb-2 text-xs text-ink-subtle">
          The team’s approved quotes received this {period}. Tick the ones to feature; the numbers set their order.
        </p>
        {errors.featured?.length ? (
          <p className="mb-2 text-sm font-medium text-danger">{errors.featured.join(' ')}</p>
        ) : null}
        {quotes.length ? (
          <ul className="space-y-2">
            {quotes.map((q) => (
              <li key={q.id} className="flex items-start gap-3 text-sm">
                <Checkbox
                  id={`feature-${q.id}`}
                  name={`feature:${q.id}`}
                  defaultChecked={values[`feature:${q.id}`] === 'on'}
                  className="flex-1"
                >
                  “{q.text}”{' '}
                  <span className="text-xs text-ink-subtle">
                    — {q.cite}, {q.receivedOn}
                  </span>
                </Checkbox>
                <label className="sr-only" htmlFor={`order-${q.id}`}>
                  Order of this quote
                </label>
                <Input
                  id={`order-${q.id}`}
                  name={`order:${q.id}`}
                  inputMode="numeric"
                  defaultValue={values[`order:${q.id}`] ?? ''}
                  size="sm"
                  width="auto"
                  className="w-14 text-right"
                  placeholder="#"
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-subtle">No approved quotes were received this {period}.</p>
        )}
      </fieldset>

      <EventPicker
        legend="Wins"
        kind="Win"
        items={wins}
        omitted={omitted}
        empty={`No wins were recorded this ${period}.`}
      />
      {period === 'month' ? (
        <EventPicker
          legend="Project updates"
          kind="Update"
          items={updates}
          omitted={omitted}
          empty="No project updates were posted this month."
        />
      ) : null}

      <TextareaField
        label="Email distribution list (optional)"
        name="distribution"
        rows={2}
        defaultValue={values.distribution ?? ''}
        errors={errors.distribution}
        hint="One address a line. Empty: every active user gets the email on first publish (people can opt out of your team’s emails)."
      />

      {published ? (
        <div id="correction">
          <Field
            label="Correction note (required to publish a correction)"
            name="note"
            defaultValue={values.note ?? ''}
            errors={errors.note}
            maxLength={500}
            hint="Readers see it, e.g. “CSAT corrected from 88% to 86%”. The figures are read again when you publish."
          />
        </div>
      ) : null}

      {published ? null : (
        <ScheduleControl
          scheduled={schedule.at}
          error={schedule.error}
          zone={schedule.zone}
          values={values}
          errors={errors}
          pending={pending}
        />
      )}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
          Save draft
        </Button>
        {emailOn && !published ? (
          <Button type="submit" name="intent" value="test" variant="secondary" disabled={pending}>
            Send me a test email
          </Button>
        ) : null}
        <PublishButton
          published={published}
          emailOn={emailOn}
          everyone={everyone}
          pending={pending}
          monthLabel={monthLabel}
        />
      </div>
    </form>
  );
}

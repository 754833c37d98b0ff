'use client';
import { useActionState } from 'react';
import { destinationAction, type DestinationState } from '@/lib/deliveries/actions';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmButton } from '@/components/ui/confirm-button';

type Destination = { id: string; kind: 'SLACK' | 'TEAMS' | 'WEBHOOK'; name: string; host: string };

const KIND_LABELS = {
  SLACK: 'Slack incoming webhook',
  TEAMS: 'Microsoft Teams workflow webhook',
  WEBHOOK: 'Signed JSON webhook',
} as const;

/** Slack, Teams and webhook destinations: each new edition is announced there when published. */
export function DestinationEditor({ team, destinations }: { team: string; destinations: Destination[] }) {
  const [state, action, pending] = useActionState<DestinationState, FormData>(destinationAction, { ok: false });
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <section
      aria-labelledby="destinations-title"
      className="space-y-4 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
    >
      <h2 id="destinations-title" className="text-base font-semibold">
        Slack, Teams and webhooks
      </h2>
      <p className="text-sm text-ink-muted">
        When an edition is first published, each destination gets a short message: the title, three headline numbers
        with their change, one quote and the link. Addresses are stored encrypted and never shown again.
      </p>
      {state.secret ? (
        <div role="status" className="space-y-2 rounded-md bg-success-surface p-3 ring-1 ring-success-line">
          <p className="text-sm font-medium text-success">
            {state.message} Its signing secret, to verify the <code>X-Service-Review-Signature</code> header
            (HMAC-SHA256 of <code>timestamp.body</code>): copy it now, it is not shown again.
          </p>
          <p className="font-mono text-sm break-all" data-testid="webhook-secret">
            {state.secret}
          </p>
          <CopyButton value={state.secret} what="the signing secret" />
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <ul className="divide-y divide-line-subtle text-sm" aria-label="Destinations">
        {destinations.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <strong>{d.name}</strong>
              <span className="block text-xs text-ink-subtle">
                {KIND_LABELS[d.kind]} · {d.host}
              </span>
            </span>
            <form action={action} className="flex gap-2">
              <input type="hidden" name="team" value={team} />
              <input type="hidden" name="id" value={d.id} />
              <Button type="submit" name="op" value="test" variant="secondary" disabled={pending}>
                Send test<span className="sr-only"> to {d.name}</span>
              </Button>
              <ConfirmButton
                name="op"
                value="delete"
                disabled={pending}
                className="rounded px-2 py-1 text-xs font-medium text-danger ring-1 ring-danger-line hover:bg-danger-surface"
                title={`Remove the destination “${d.name}”?`}
                description={`Editions are no longer posted to ${d.name} (${d.host}). Its address is deleted; to post there again, add it anew.`}
                confirmLabel="Remove the destination"
              >
                Remove<span className="sr-only"> {d.name}</span>
              </ConfirmButton>
            </form>
          </li>
        ))}
        {destinations.length === 0 ? <li className="py-2 text-ink-subtle">No destinations yet.</li> : null}
      </ul>
      <form action={action} className="grid gap-3 sm:grid-cols-[18rem_1fr]" noValidate>
        <input type="hidden" name="team" value={team} />
        <input type="hidden" name="op" value="create" />
        <SelectField label="Post to" name="kind" defaultValue={values.kind ?? 'SLACK'} errors={errors.kind}>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Name"
          name="name"
          maxLength={80}
          placeholder="#support-news"
          defaultValue={values.name ?? ''}
          errors={errors.name}
        />
        <Field
          label="Webhook address"
          name="url"
          type="url"
          className="sm:col-span-2"
          placeholder="https://hooks.slack.com/services/…"
          defaultValue={values.url ?? ''}
          errors={errors.url}
          hint="Slack: an incoming webhook of the channel. Teams: the URL of a “Post to a channel when a webhook request is received” workflow. Webhook: any https endpoint of yours."
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            Add destination
          </Button>
        </div>
      </form>
    </section>
  );
}

'use client';
import { useActionState } from 'react';
import { apiTokenAction, type TokenState } from '@/lib/team-settings/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmButton } from '@/components/ui/confirm-button';

type Token = {
  id: string;
  name: string;
  prefix: string;
  /** Times as the page shows them, already in the team's zone. */
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  createdBy: string | null;
};

export function TokenEditor({ team, tokens, apiExample }: { team: string; tokens: Token[]; apiExample: string }) {
  const [state, action, pending] = useActionState<TokenState, FormData>(apiTokenAction, { ok: false });
  return (
    <section aria-labelledby="tokens-title" className="space-y-4 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line">
      <h2 id="tokens-title" className="text-base font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-ink-muted">
        A help desk or a script can push month figures with a token:{' '}
        <code className="rounded bg-surface-strong px-1 text-xs">{apiExample}</code>
      </p>
      {state.token ? (
        <div role="status" className="space-y-2 rounded-md bg-success-surface p-3 ring-1 ring-success-line">
          <p className="text-sm font-medium text-success">{state.message} Copy it now: it is not shown again.</p>
          <p className="font-mono text-sm break-all" data-testid="api-token">
            {state.token}
          </p>
          <CopyButton value={state.token} what="the API token" />
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <ul className="divide-y divide-line-subtle text-sm">
        {tokens.map((t) => (
          <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <strong>{t.name}</strong> <code className="text-xs">{t.prefix}…</code>
              <span className="block text-xs text-ink-subtle">
                Created {t.createdAt}
                {t.createdBy ? ` by ${t.createdBy}` : ''} · {t.lastUsedAt ? `last used ${t.lastUsedAt}` : 'never used'}
                {t.revokedAt ? ` · revoked ${t.revokedAt}` : ''}
              </span>
            </span>
            {t.revokedAt ? null : (
              <form action={action}>
                <input type="hidden" name="team" value={team} />
                <input type="hidden" name="id" value={t.id} />
                <ConfirmButton
                  name="op"
                  value="revoke"
                  disabled={pending}
                  className="rounded px-2 py-1 text-xs font-medium text-danger ring-1 ring-danger-line hover:bg-danger-surface"
                  title={`Revoke the token “${t.name}”?`}
                  description="Whatever pushes figures with it is refused from now on. A revoked token cannot be restored: create a new one instead."
                  confirmLabel="Revoke the token"
                >
                  Revoke {t.name}
                </ConfirmButton>
              </form>
            )}
          </li>
        ))}
        {tokens.length === 0 ? <li className="py-2 text-ink-subtle">No tokens yet.</li> : null}
      </ul>
      <form action={action} className="flex items-end gap-2" noValidate>
        <input type="hidden" name="team" value={team} />
        <input type="hidden" name="op" value="create" />
        <Field
          id="token-name"
          label="New token for"
          name="name"
          className="flex-1"
          maxLength={80}
          placeholder="Zendesk export"
          errors={state.fieldErrors?.name}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Create token
        </Button>
      </form>
    </section>
  );
}

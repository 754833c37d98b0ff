'use client';
import { useActionState } from 'react';
import { listItemAction } from '@/lib/team-settings/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ConfirmButton } from '@/components/ui/confirm-button';

type Item = { id: string; name: string; archived: boolean; used: boolean };

export function ListEditor({
  team,
  kind,
  title,
  singular,
  items,
}: {
  team: string;
  kind: 'channel' | 'reason' | 'segment';
  title: string;
  singular: string;
  items: Item[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(listItemAction, { ok: false });
  const nameError = state.fieldErrors?.name;
  const hidden = (
    <>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="kind" value={kind} />
    </>
  );
  const small =
    'rounded px-2 py-1 text-xs font-medium text-ink-muted ring-1 ring-line-strong hover:bg-surface-strong disabled:opacity-40';
  return (
    <section aria-labelledby={`${kind}-title`} className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line">
      <h2 id={`${kind}-title`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      <FormMessage state={state.ok ? state : nameError ? { ok: false, message: nameError.join(' ') } : state} />
      <ol className="mt-2 divide-y divide-line-subtle">
        {items.map((item, index) => (
          <li
            key={item.id}
            className={`flex flex-wrap items-center gap-2 py-2 ${item.archived ? 'text-ink-subtle' : ''}`}
          >
            <form action={action} className="flex flex-1 items-center gap-2">
              {hidden}
              <input type="hidden" name="id" value={item.id} />
              <input type="hidden" name="op" value="rename" />
              <label className="sr-only" htmlFor={`${kind}-${item.id}`}>
                Name of {singular} {index + 1}
              </label>
              <Input
                id={`${kind}-${item.id}`}
                name="name"
                defaultValue={item.name}
                maxLength={80}
                size="sm"
                width="auto"
                className="min-w-0 flex-1"
              />
              <button type="submit" className={small} disabled={pending}>
                Rename
              </button>
            </form>
            {item.archived ? <span className="text-xs">archived</span> : null}
            {(['up', 'down'] as const).map((op) => (
              <form action={action} key={op}>
                {hidden}
                <input type="hidden" name="id" value={item.id} />
                <button
                  type="submit"
                  name="op"
                  value={op}
                  className={small}
                  disabled={pending || (op === 'up' ? index === 0 : index === items.length - 1)}
                  aria-label={`Move ${item.name} ${op}`}
                >
                  {op === 'up' ? '↑' : '↓'}
                </button>
              </form>
            ))}
            <form action={action}>
              {hidden}
              <input type="hidden" name="id" value={item.id} />
              {item.used || item.archived ? (
                item.archived ? (
                  <button type="submit" name="op" value="restore" className={small} disabled={pending}>
                    Restore
                  </button>
                ) : (
                  <ConfirmButton
                    name="op"
                    value="archive"
                    className={small}
                    disabled={pending}
                    title={`Archive “${item.name}”?`}
                    description={`It is no longer offered for new figures; what was recorded with it stays. Restore it any time.`}
                    confirmLabel="Archive"
                  >
                    Archive<span className="sr-only"> {item.name}</span>
                  </ConfirmButton>
                )
              ) : (
                <ConfirmButton
                  name="op"
                  value="delete"
                  className={small}
                  disabled={pending}
                  title={`Delete “${item.name}”?`}
                  description="Nothing was recorded with it yet, so it is deleted for good."
                  confirmLabel="Delete"
                >
                  Delete<span className="sr-only"> {item.name}</span>
                </ConfirmButton>
              )}
            </form>
          </li>
        ))}
        {items.length === 0 ? <li className="py-2 text-sm text-ink-subtle">None yet.</li> : null}
      </ol>
      <form action={action} className="mt-3 flex items-end gap-2" key={state.ok ? state.message : 'add'}>
        {hidden}
        <input type="hidden" name="op" value="add" />
        <Field id={`${kind}-new`} label={`New ${singular}`} name="name" maxLength={80} className="flex-1" />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add
        </Button>
      </form>
    </section>
  );
}

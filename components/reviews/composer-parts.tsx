'use client';
// Pieces of the composer form: the "figures changed" panel, the story with its generated
// paragraphs marked, the wins and project updates to pick, and the publish confirmation.
import { useRef, useState, type ReactNode } from 'react';
import { markBlocks, type Separator } from '@/lib/editions/blocks';
import { formatCount } from '@/lib/format';
import type { FactChange } from '@/lib/editions/basis';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { Checkbox } from '@/components/ui/input';
import { FigureChanges } from './figure-changes';

/** Shown when the figures moved under the generated text: what moved, and the two ways on. */
export function StalePanel({ changes, pending }: { changes: FactChange[]; pending: boolean }) {
  return (
    <section
      aria-labelledby="stale-title"
      className="rounded-lg bg-warning-surface p-4 text-warning ring-1 ring-warning-line"
      data-testid="stale-text"
    >
      <h2 id="stale-title" className="font-semibold">
        The figures changed since the story was written
      </h2>
      <p className="mt-1 text-sm">
        Paragraphs marked <GeneratedBadge /> below still say what the old figures said. Publishing waits until you
        rewrite them or confirm the text stands.
      </p>
      <FigureChanges changes={changes} shown={6} />
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="rewrite" disabled={pending}>
          Rewrite the parts from the figures
        </Button>
        <Button type="submit" name="intent" value="confirm" variant="secondary" disabled={pending}>
          Keep the text as it is
        </Button>
      </div>
      <p className="mt-2 text-xs">
        Rewriting changes only the marked paragraphs; every sentence you wrote or edited stays as it is.
      </p>
    </section>
  );
}

function GeneratedBadge() {
  return (
    <span className="inline-block rounded bg-accent-surface px-1.5 py-0.5 text-[11px] font-semibold text-accent-strong ring-1 ring-accent-line/40">
      from the figures
    </span>
  );
}

/**
 * A Markdown textarea that lists its paragraphs as the leader types, each marked "from the figures"
 * (still exactly as generated: a rewrite may replace it) or "yours" (never touched).
 */
export function MarkedTextarea(props: {
  label: string;
  name: string;
  rows: number;
  defaultValue: string;
  errors: string[] | undefined;
  hint: ReactNode;
  generated: string[];
  separator: Separator;
}) {
  const [text, setText] = useState(props.defaultValue);
  const blocks = markBlocks(
    text,
    props.generated.map((t, i) => ({ key: String(i), text: t })),
    props.separator,
  );
  const anyGenerated = blocks.some((b) => b.generated);
  return (
    <div>
      <TextareaField
        label={props.label}
        name={props.name}
        rows={props.rows}
        defaultValue={props.defaultValue}
        errors={props.errors}
        hint={props.hint}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {anyGenerated ? (
        <ol
          className="mt-2 space-y-1 text-xs text-ink-muted"
          aria-label={props.name === 'asks' ? 'Asks: which lines are yours' : 'Story: which paragraphs are yours'}
          data-testid={`blocks-${props.name}`}
        >
          {blocks.map((b, i) => (
            <li key={i} className={`flex gap-2 border-l-4 pl-2 ${b.generated ? 'border-accent-line' : 'border-line'}`}>
              <span className="shrink-0">
                {b.generated ? (
                  <GeneratedBadge />
                ) : (
                  <span className="inline-block rounded bg-surface-muted px-1.5 py-0.5 text-[11px] font-semibold text-ink ring-1 ring-line">
                    yours
                  </span>
                )}
              </span>
              <span className="line-clamp-1">{b.text}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

export type PickItem = { ids: string[]; title: string; detail: string };

/** Tick the wins (or project updates) the edition shows; all of the month's are listed. */
export function EventPicker({
  legend,
  kind,
  items,
  omitted,
  empty,
}: {
  legend: string;
  kind: 'Win' | 'Update';
  items: PickItem[];
  omitted: string[];
  empty: string;
}) {
  const all = items.flatMap((i) => i.ids).join(',');
  const left = new Set(omitted);
  return (
    <fieldset className="rounded-lg bg-surface p-4 ring-1 ring-line">
      <legend className="px-1 text-sm font-semibold text-ink">{legend}</legend>
      <input type="hidden" name={kind === 'Win' ? 'wins:all' : 'updates:all'} value={all} />
      {items.length ? (
        <ul className="space-y-2">
          {items.map((item) => {
            const id = `${kind}-${item.ids[0]}`;
            return (
              <li key={item.ids.join(',')} className="flex items-start gap-3 text-sm">
                <Checkbox
                  id={id}
                  name={`keep${kind}`}
                  value={item.ids.join(',')}
                  defaultChecked={!item.ids.every((i) => left.has(i))}
                  className="flex-1"
                >
                  {item.title} <span className="text-xs text-ink-subtle">— {item.detail}</span>
                </Checkbox>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-ink-subtle">{empty}</p>
      )}
    </fieldset>
  );
}

const addressesIn = (text: string) =>
  new Set(
    text
      .split(/[\n,;]+/)
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  ).size;

/**
 * "Publish" opens a confirmation naming who receives the email before anything happens; its own
 * button submits the form with intent=publish. The count is read when it opens, from the
 * distribution list as typed (or the saved one), else everyone who gets the team's emails.
 */
export function PublishButton({
  published,
  emailOn,
  everyone,
  distribution,
  pending,
  monthLabel,
}: {
  published: boolean;
  emailOn: boolean;
  everyone: number;
  distribution?: string;
  pending: boolean;
  monthLabel: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [who, setWho] = useState({ text: '', emails: null as string | null });
  const open = () => {
    const typed =
      distribution ??
      (dialog.current?.closest('form')?.elements.namedItem('distribution') as HTMLTextAreaElement | null)?.value ??
      '';
    const listed = addressesIn(typed);
    const people = (n: number) => `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;
    if (published)
      setWho({
        text: 'Readers see the correction and your note on the page. Corrections are not emailed.',
        emails: null,
      });
    else if (!emailOn)
      setWho({
        text: 'Email is off (no SMTP server is configured): nobody is emailed; readers find it in Reviews.',
        emails: null,
      });
    else if (listed)
      setWho({
        text: `It emails the ${people(listed)} on your distribution list (less any who unsubscribed).`,
        emails: people(listed),
      });
    else
      setWho({
        text: `It emails ${people(everyone)}: every active user who has not unsubscribed from your team’s editions.`,
        emails: people(everyone),
      });
    dialog.current?.showModal();
  };
  const label = published ? 'Publish correction' : 'Publish';
  return (
    <>
      <Button type="button" onClick={open} disabled={pending}>
        {label}…
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="publish-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-surface p-5 text-ink shadow-xl ring-1 ring-line backdrop:bg-black/50"
      >
        <h2 id="publish-title" className="text-lg font-semibold">
          {published ? `Publish a correction to the ${monthLabel} edition?` : `Publish the ${monthLabel} edition?`}
        </h2>
        <p className="mt-2 text-sm text-ink-muted" data-testid="publish-recipients">
          {who.text}
        </p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            type="submit"
            name="intent"
            value="publish"
            disabled={pending}
            onClick={() => dialog.current?.close()}
          >
            {who.emails ? `Publish and email ${who.emails}` : label}
          </Button>
        </div>
      </dialog>
    </>
  );
}

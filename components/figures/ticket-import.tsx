'use client';
import { useMemo, useState, useTransition } from 'react';
import { applyTicketImportAction, type TicketImportResult } from '@/lib/figures/actions';
import { guessDateOrder, type ColumnMapping, type DateOrder } from '@/lib/figures/ticket-export';
import { readTicketBytes, type Encoding, type TicketFile } from '@/lib/figures/ticket-file';
import { unitFromHeader } from '@/lib/figures/ticket-guess';
import { previewMonth, type MonthByName, type RememberedMappings } from '@/lib/figures/ticket-plan';
import type { ListKind } from '@/lib/team-settings/list-kinds';
import {
  findProfile,
  guessScaleMax,
  importInput,
  initialSettings,
  newReasons,
  NO_OVERRIDES,
  planImport,
  type ImportContext,
  type Overrides,
  type Settings,
  type SourceProfile,
} from '@/lib/figures/ticket-session';
import type { NewReasonDepartments } from '@/lib/figures/new-reason-departments';
import { formatNumber, formatPercent, formatShare } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { ColumnChoice } from './ticket-columns';
import { TicketFileNotice } from './ticket-file-notice';
import { TicketKpis } from './ticket-kpis';
import { MonthPreviewCard } from './ticket-preview';
import { ImportOutcome } from './ticket-outcome';
import { readBytes } from './ticket-read';
import { SatisfactionValues } from './ticket-satisfaction';
import { ValueMapping } from './ticket-values';
import { NewReasonDepartmentsChoice } from './new-reason-departments';
import { KeptKpis, keptKpis, type KpiSources } from './ticket-kept-kpis';
import { Checkbox, Input, Radio, Select } from '@/components/ui/input';
import { FieldFrame } from '@/components/ui/field';

type Kpi = { name: string; unit: string };
type Props = {
  team: string;
  latestMonth: string;
  /** The team's time zone, which decides the month of a timestamped ticket. */
  timeZone: string;
  channels: string[];
  reasons: string[];
  segments: string[];
  kpis: Kpi[];
  remembered: RememberedMappings;
  profiles: SourceProfile[];
  months: Record<string, MonthByName>;
  published: string[];
  /** Where each month's KPIs came from (lib/figures/ticket-import.ts), for "kept from …". */
  kpiSources?: KpiSources;
  /** The departments a new reason may be linked to. */
  departments?: { id: string; name: string }[];
};

const LEGEND: Record<ListKind, string> = {
  channel: 'Channels',
  reason: 'Contact reasons',
  segment: 'Who contacted (segments)',
};
const FIELD: Record<ListKind, 'channel' | 'reason' | 'segment'> = {
  channel: 'channel',
  reason: 'reason',
  segment: 'segment',
};

type Loaded = { bytes: Uint8Array; file: TicketFile & { name: string }; profile: SourceProfile | null };

export function TicketImport(props: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [overrides, setOverrides] = useState<Overrides>(NO_OVERRIDES);
  const [confirmed, setConfirmed] = useState(false);
  const [cleared, setCleared] = useState<string[]>([]);
  const [reasonDepartments, setReasonDepartments] = useState<NewReasonDepartments>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TicketImportResult | null>(null);
  const [applying, startApply] = useTransition();
  const ctx: ImportContext = {
    channel: props.channels,
    reason: props.reasons,
    segment: props.segments,
    kpis: props.kpis,
    remembered: props.remembered,
    profiles: props.profiles,
    latestMonth: props.latestMonth,
    timeZone: props.timeZone,
  };

  /** Reads in `encoding` (else the profile's, else the detected one) and starts from the profile or guesses. */
  function open(bytes: Uint8Array, name: string, encoding?: Encoding) {
    let file = readTicketBytes(bytes, encoding);
    let profile = findProfile(props.profiles, file.header);
    const saved = profile?.settings.encoding;
    if (!encoding && saved && saved !== file.encoding && file.encodings.includes(saved)) {
      file = readTicketBytes(bytes, saved);
      profile = findProfile(props.profiles, file.header);
    }
    setLoaded({ bytes, file: { ...file, name }, profile });
    setSettings(file.header.length ? initialSettings(file, ctx, profile) : null);
    setOverrides(NO_OVERRIDES);
    setConfirmed(false);
    if (!file.rows.length) setError('This file holds no ticket rows under its header.');
  }

  async function choose(f: File | null) {
    setLoaded(null);
    setSettings(null);
    setResult(null);
    setError(null);
    if (!f) return;
    setProgress(0);
    try {
      open(await readBytes(f, setProgress), f.name);
    } catch (e) {
      setError(`Could not read the file: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const file = loaded?.file;
  const plan = useMemo(
    () => (file && settings ? planImport(file, settings, overrides, ctx, loaded.profile) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ctx is built from this page load's props
    [file, settings, overrides],
  );
  const lists: Record<ListKind, string[]> = { channel: props.channels, reason: props.reasons, segment: props.segments };
  const mapping: ColumnMapping = settings?.mapping ?? {};
  const aggregated = plan?.aggregated ?? null;
  const previews = aggregated
    ? aggregated.months.map((m) =>
        previewMonth(
          m,
          props.months[m.month],
          plan!.cover,
          lists,
          props.kpis.map((k) => k.name),
        ),
      )
    : [];
  const mustConfirm = plan?.mustConfirm ?? false;
  const kept = aggregated
    ? keptKpis(
        aggregated.months.map((m) => m.month),
        props.months,
        plan!.cover.kpis,
        props.kpiSources ?? {},
      )
    : [];

  function update(change: (s: Settings) => Settings) {
    setSettings((s) => (s ? change(s) : s));
  }

  function setColumn(field: keyof ColumnMapping, value: string) {
    if (!file) return;
    update((s) => {
      const next = { ...s.mapping };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      const column = (i: number | undefined) => (i === undefined ? [] : file.rows.map((r) => r[i] ?? ''));
      const header = (i: number | undefined) => file.header[i ?? -1];
      return {
        ...s,
        mapping: next,
        units: {
          firstResponse: unitFromHeader(header(next.firstResponse)),
          handleTime: unitFromHeader(header(next.handleTime)),
        },
        dateOrder: field === 'date' ? guessDateOrder(column(next.date).slice(0, 2000)) : s.dateOrder,
        multiTag: field === 'reason' ? /tag|label/i.test(header(next.reason) ?? '') : s.multiTag,
        scaleMax:
          field === 'satisfaction' ? guessScaleMax(header(next.satisfaction), column(next.satisfaction)) : s.scaleMax,
      };
    });
  }

  function apply() {
    if (!file || !settings || !plan?.aggregated) return;
    const input = importInput(file, settings, plan, ctx, confirmed, reasonDepartments);
    const clear = cleared.filter((name) => kept.some((k) => k.name === name));
    startApply(async () => setResult(await applyTicketImportAction({ team: props.team, ...input, clear })));
  }

  const stats = aggregated?.stats;
  return (
    <div className="space-y-6">
      <FieldFrame
        id="ticket-file"
        label="Ticket export (CSV)"
        hint="One row per ticket, case, conversation or call, as Zendesk, Freshdesk, Salesforce, HubSpot, Intercom, Help Scout, Gorgias, Front, Zoho Desk, Jira Service Management, ServiceNow or a call-centre system (Genesys, Five9, Aircall, Talkdesk) exports it. The file is read in your browser: only monthly totals are sent. For each month in the file, the import sets the channels, and the reasons, segments and KPIs it has columns for, to exactly what the file says."
      >
        <Input
          id="ticket-file"
          type="file"
          accept=".csv,text/csv,.txt"
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          aria-describedby="ticket-file-hint"
        />
      </FieldFrame>
      {error ? (
        <p role="alert" className="rounded-md bg-danger-surface px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}

      {progress !== null ? (
        <div>
          <progress className="w-full" value={progress} max={1} aria-label="Reading the file" />
          <p className="text-xs text-ink-subtle" aria-live="polite">
            {formatPercent(progress * 100, 0)} read
          </p>
        </div>
      ) : null}

      {file && plan ? (
        <TicketFileNotice
          file={file}
          sourceKind={plan.sourceKind}
          profileUsed={loaded.profile !== null}
          onEncoding={(e) => open(loaded.bytes, file.name, e)}
        />
      ) : null}

      {file && settings ? (
        <section aria-labelledby="columns-title" className="space-y-3">
          <h2 id="columns-title" className="text-base font-semibold">
            1. Which column holds what
          </h2>
          <ColumnChoice
            header={file.header}
            mapping={mapping}
            units={settings.units}
            onColumn={setColumn}
            onUnit={(f, u) => update((s) => ({ ...s, units: { ...s.units, [f]: u } }))}
          />
        </section>
      ) : null}

      {file && settings && mapping.date === undefined ? (
        <p role="alert" className="text-sm text-danger">
          Choose the column that holds the date each ticket was created.
        </p>
      ) : null}

      {file && settings && plan && aggregated && stats ? (
        <>
          <section aria-labelledby="values-title" className="space-y-3">
            <h2 id="values-title" className="text-base font-semibold">
              2. Match the values to this team’s lists
            </h2>
            <p className="text-sm text-ink-muted">
              Pre-filled from what this team chose in earlier imports, then from the names; a value no item matches
              becomes a new item named as in the file, created with the import. Nothing is left out unless you choose
              Ignore.
            </p>
            {plan.slashDates ? (
              <FieldFrame id="date-order" label="Dates like 03/04/2026 mean">
                <Select
                  id="date-order"
                  size="sm"
                  className="max-w-xs"
                  value={settings.dateOrder}
                  onChange={(e) => update((s) => ({ ...s, dateOrder: e.target.value as DateOrder }))}
                >
                  <option value="DMY">3 April (day first)</option>
                  <option value="MDY">March 4 (month first)</option>
                </Select>
              </FieldFrame>
            ) : null}
            {(['channel', 'reason', 'segment'] as const).map((kind) =>
              kind !== 'channel' && mapping[FIELD[kind]] === undefined ? (
                <p key={kind} className="rounded-md bg-surface-muted px-3 py-2 text-sm text-ink-muted">
                  {LEGEND[kind]}: this file has no column for them, so each month keeps the ones it has.
                </p>
              ) : (
                <ValueMapping
                  key={kind}
                  kind={kind}
                  legend={LEGEND[kind]}
                  values={plan.values[kind]}
                  choice={plan.choices[kind]}
                  items={lists[kind]}
                  noColumn={kind === 'channel' && mapping.channel === undefined}
                  onChange={(v, t) => setOverrides((o) => ({ ...o, [kind]: { ...o[kind], [v]: t } }))}
                />
              ),
            )}
            {mapping.reason !== undefined ? (
              <fieldset className="rounded-md p-3 ring-1 ring-line">
                <legend className="px-1 text-sm font-semibold">Tickets with several tags</legend>
                <Checkbox
                  checked={settings.multiTag}
                  onChange={(e) => update((s) => ({ ...s, multiTag: e.target.checked }))}
                >
                  The reason column holds several tags per ticket
                </Checkbox>
                {settings.multiTag ? (
                  <div className="mt-2 space-y-1 text-sm">
                    <Radio
                      name="tag-rule"
                      checked={settings.rule === 'first'}
                      onChange={() => update((s) => ({ ...s, rule: 'first' }))}
                    >
                      Count each ticket once, under the first of its tags that matches a reason: reasons add up to the
                      contacts.
                    </Radio>
                    <Radio
                      name="tag-rule"
                      checked={settings.rule === 'each'}
                      onChange={() => update((s) => ({ ...s, rule: 'each' }))}
                    >
                      Count a ticket under each reason its tags match: reasons can add up to more than the contacts.
                    </Radio>
                  </div>
                ) : null}
              </fieldset>
            ) : null}
            <TicketKpis
              kpis={props.kpis}
              targets={settings.kpiTargets}
              mapping={mapping}
              onChange={(k, v) => update((s) => ({ ...s, kpiTargets: { ...s.kpiTargets, [k]: v } }))}
            >
              {mapping.satisfaction !== undefined ? (
                <SatisfactionValues
                  values={plan.values.satisfaction}
                  classes={plan.satClasses}
                  onChange={(v, c) => setOverrides((o) => ({ ...o, satisfaction: { ...o.satisfaction, [v]: c } }))}
                />
              ) : null}
            </TicketKpis>
          </section>

          <section aria-labelledby="result-title" className="space-y-3">
            <h2 id="result-title" className="text-base font-semibold">
              3. Preview: now → after import
            </h2>
            <p className="text-sm text-ink-muted">
              {formatNumber(stats.rows)} tickets read from {file.name}: {formatNumber(stats.counted)} counted
              {stats.unmappedChannel ? `, ${formatNumber(stats.unmappedChannel)} in channels you set to Ignore` : ''}
              {stats.noDate ? `, ${formatNumber(stats.noDate)} without a readable date` : ''}
              {stats.future ? `, ${formatNumber(stats.future)} dated in the future` : ''}.
            </p>
            {mustConfirm ? (
              <div
                role="alert"
                className="rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line"
              >
                <p className="font-medium">
                  {formatNumber(stats.ignored)} of {formatNumber(stats.rows)} tickets (
                  {formatShare(plan.ignoredShare * 100)}) will not be counted.
                </p>
                <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="mt-1">
                  I checked: these tickets should not count
                </Checkbox>
              </div>
            ) : null}
            {previews.map((p) => (
              <MonthPreviewCard
                key={p.month}
                preview={p}
                published={props.published.includes(p.month)}
                rule={settings.multiTag ? settings.rule : 'first'}
              />
            ))}
            <NewReasonDepartmentsChoice
              reasons={newReasons(plan, ctx)}
              departments={props.departments ?? []}
              chosen={reasonDepartments}
              errors={result?.ok ? undefined : result?.fieldErrors}
              onChange={(field, id) => setReasonDepartments((d) => ({ ...d, [field]: id }))}
            />
            <KeptKpis
              kept={kept}
              cleared={cleared}
              onChange={(name, clear) =>
                setCleared((c) => (clear ? [...c.filter((n) => n !== name), name] : c.filter((n) => n !== name)))
              }
            />
            <Button
              type="button"
              onClick={apply}
              disabled={applying || previews.length === 0 || (mustConfirm && !confirmed)}
            >
              {applying ? 'Importing…' : `Import ${previews.length} month${previews.length === 1 ? '' : 's'}`}
            </Button>
          </section>
        </>
      ) : null}

      {result ? <ImportOutcome result={result} team={props.team} published={props.published} /> : null}
    </div>
  );
}

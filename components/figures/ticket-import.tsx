'use client';
import { useMemo, useState, useTransition } from 'react';
import { applyTicketImportAction, type TicketImportResult } from '@/lib/figures/actions';
import { nameKey } from '@/lib/figures/schemas';
import type { ListKind } from '@/lib/team-settings/list-kinds';
import {
  aggregateTickets,
  distinctValues,
  guessDateOrder,
  hasSlashDates,
  IGNORED_SHARE_LIMIT,
  type ColumnMapping,
  type DateOrder,
  type MultiTagRule,
} from '@/lib/figures/ticket-export';
import { classifySatisfaction, guessColumns, unitFromHeader, type SatisfactionClass } from '@/lib/figures/ticket-guess';
import {
  initialChoice,
  itemsToCreate,
  mappingsToRemember,
  previewMonth,
  type MonthByName,
  type RememberedMappings,
  type ValueChoice,
} from '@/lib/figures/ticket-plan';
import { formatNumber, formatNumberUpTo } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { ColumnChoice, type Units } from './ticket-columns';
import { TicketKpis, type KpiTargets } from './ticket-kpis';
import { MonthPreviewCard } from './ticket-preview';
import { ImportOutcome } from './ticket-outcome';
import { readAll, readHeader } from './ticket-read';
import { SatisfactionValues } from './ticket-satisfaction';
import { ValueMapping } from './ticket-values';
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
  months: Record<string, MonthByName>;
  published: string[];
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

export function TicketImport(props: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [delimiter, setDelimiter] = useState(',');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [units, setUnits] = useState<Units>({ firstResponse: 'minutes', handleTime: 'minutes' });
  const [progress, setProgress] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<{ name: string; rows: string[][] } | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder>('DMY');
  const [overrides, setOverrides] = useState<Record<ListKind, ValueChoice>>({ channel: {}, reason: {}, segment: {} });
  const [satOverrides, setSatOverrides] = useState<Record<string, SatisfactionClass>>({});
  const [multiTag, setMultiTag] = useState<boolean | null>(null);
  const [rule, setRule] = useState<MultiTagRule>('first');
  const [kpiTargets, setKpiTargets] = useState<KpiTargets>({ csat: '', firstResponse: '', handleTime: '' });
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TicketImportResult | null>(null);
  const [applying, startApply] = useTransition();
  const lists: Record<ListKind, string[]> = { channel: props.channels, reason: props.reasons, segment: props.segments };

  async function choose(f: File | null) {
    setFile(f);
    setLoaded(null);
    setResult(null);
    setError(null);
    setOverrides({ channel: {}, reason: {}, segment: {} });
    setSatOverrides({});
    setMultiTag(null);
    setConfirmed(false);
    if (!f) return;
    try {
      const { header: cols, delimiter: d } = await readHeader(f);
      const guessed = guessColumns(cols);
      setDelimiter(d);
      setHeader(cols);
      setMapping(guessed);
      setUnits({
        firstResponse: unitFromHeader(cols[guessed.firstResponse ?? -1]),
        handleTime: unitFromHeader(cols[guessed.handleTime ?? -1]),
      });
      const guess = (name: string) => props.kpis.find((k) => new RegExp(name, 'i').test(k.name))?.name ?? '';
      setKpiTargets({
        csat: guess('csat|satisf'),
        firstResponse: guess('first.*(response|reply)'),
        handleTime: guess('handle'),
      });
    } catch {
      setError('The first line of this file is not readable CSV.');
    }
  }

  async function read() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const rows = (await readAll(file, delimiter, setProgress)).slice(1);
      setDateOrder(guessDateOrder(rows.slice(0, 2000).map((r) => r[mapping.date ?? -1] ?? '')));
      setLoaded({ name: file.name, rows });
    } catch (e) {
      setError(`Could not read the file: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const rows = loaded?.rows;
  const tagColumn = multiTag ?? /tag/i.test(header[mapping.reason ?? -1] ?? '');
  const organisationColumn = /organi[sz]ation|company|account/i.test(header[mapping.segment ?? -1] ?? '');
  // Every distinct value per dimension, "" (empty) included; recomputed when a column changes.
  const values = useMemo(() => {
    if (!rows) return null;
    return {
      channel: distinctValues(rows, mapping.channel, false),
      reason: mapping.reason === undefined ? [] : distinctValues(rows, mapping.reason, tagColumn),
      segment: mapping.segment === undefined ? [] : distinctValues(rows, mapping.segment, false),
      satisfaction: mapping.satisfaction === undefined ? [] : distinctValues(rows, mapping.satisfaction, false),
      slashDates: hasSlashDates(rows.map((r) => r[mapping.date ?? -1] ?? '')),
    };
  }, [rows, mapping, tagColumn]);
  const choices = useMemo(() => {
    const out: Record<ListKind, ValueChoice> = { channel: {}, reason: {}, segment: {} };
    if (!values) return out;
    for (const kind of ['channel', 'reason', 'segment'] as const) {
      // Without a channel column every ticket reads "": it lands in the team's first channel unless changed.
      const initial =
        kind === 'channel' && mapping.channel === undefined
          ? { '': lists.channel[0] ?? null }
          : initialChoice(kind, values[kind], lists[kind], props.remembered[kind], {
              organisationColumn: kind === 'segment' && organisationColumn,
            });
      out[kind] = Object.fromEntries(
        Object.entries(initial).map(([v, t]) => [v, v in overrides[kind] ? overrides[kind][v]! : t]),
      );
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lists and remembered are props of this page load
  }, [values, overrides, organisationColumn, mapping.channel]);
  const scaleMax = useMemo(
    () =>
      Math.max(
        5,
        ...(values?.satisfaction ?? [])
          .map((v) => Number(v.value.replace(',', '.')))
          .filter((n) => Number.isFinite(n) && n <= 10),
      ),
    [values],
  );
  // What the team chose before for a rating wins; otherwise the standard CSAT rule.
  const satClasses = useMemo(
    () =>
      Object.fromEntries(
        (values?.satisfaction ?? []).map(({ value }) => [
          value,
          satOverrides[value] ?? props.remembered.satisfaction[nameKey(value)] ?? classifySatisfaction(value, scaleMax),
        ]),
      ),
    [values, satOverrides, scaleMax, props.remembered.satisfaction],
  );

  const kpiUnit = (name: string) =>
    (props.kpis.find((k) => k.name === name)?.unit === 'SECONDS' ? 'SECONDS' : 'MINUTES') as 'SECONDS' | 'MINUTES';
  const activeKpis = {
    csat: mapping.satisfaction !== undefined ? kpiTargets.csat : '',
    firstResponse: mapping.firstResponse !== undefined ? kpiTargets.firstResponse : '',
    handleTime: mapping.handleTime !== undefined ? kpiTargets.handleTime : '',
  };
  const aggregated = useMemo(() => {
    if (!rows || mapping.date === undefined) return null;
    return aggregateTickets(rows, {
      mapping,
      dateOrder,
      durationUnits: units,
      multiTag: tagColumn,
      multiTagRule: rule,
      valueMaps: choices,
      satisfaction: satClasses,
      satisfactionScaleMax: scaleMax,
      kpis: {
        csat: activeKpis.csat || undefined,
        firstResponse: activeKpis.firstResponse
          ? { kpi: activeKpis.firstResponse, unit: kpiUnit(activeKpis.firstResponse) }
          : undefined,
        handleTime: activeKpis.handleTime
          ? { kpi: activeKpis.handleTime, unit: kpiUnit(activeKpis.handleTime) }
          : undefined,
      },
      latestMonth: props.latestMonth,
      timeZone: props.timeZone,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- activeKpis and kpiUnit derive from the listed state
  }, [
    rows,
    mapping,
    dateOrder,
    units,
    tagColumn,
    rule,
    choices,
    satClasses,
    scaleMax,
    kpiTargets,
    props.latestMonth,
    props.timeZone,
  ]);
  const cover = {
    reasons: mapping.reason !== undefined,
    segments: mapping.segment !== undefined,
    kpis: Object.values(activeKpis).filter(Boolean),
  };
  const previews = aggregated
    ? aggregated.months.map((m) =>
        previewMonth(
          m,
          props.months[m.month],
          cover,
          lists,
          props.kpis.map((k) => k.name),
        ),
      )
    : [];
  const ignoredShare = aggregated && aggregated.stats.rows ? aggregated.stats.ignored / aggregated.stats.rows : 0;
  const mustConfirm = ignoredShare > IGNORED_SHARE_LIMIT;

  function setColumn(field: keyof ColumnMapping, value: string) {
    setMapping((m) => {
      const next = { ...m };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });
    if (field === 'firstResponse' || field === 'handleTime')
      setUnits((u) => ({ ...u, [field]: unitFromHeader(header[Number(value)]) }));
  }

  function apply() {
    if (!aggregated) return;
    const remember = mappingsToRemember({
      channel: mapping.channel === undefined ? {} : choices.channel,
      reason: choices.reason,
      segment: choices.segment,
    }).filter((m) => m.value.length <= 300);
    startApply(async () =>
      setResult(
        await applyTicketImportAction({
          team: props.team,
          months: aggregated.months.map(({ month, payload }) => ({ month, payload })),
          cover,
          create: {
            channel: itemsToCreate(choices.channel, props.channels),
            reason: itemsToCreate(choices.reason, props.reasons),
            segment: itemsToCreate(choices.segment, props.segments),
          },
          mappings: remember,
          satisfaction: Object.entries(satClasses)
            .filter(([value]) => value.length <= 300)
            .map(([value, choice]) => ({ value, choice })),
          ignored: { rows: aggregated.stats.rows, ignored: aggregated.stats.ignored, confirmed },
        }),
      ),
    );
  }

  const stats = aggregated?.stats;
  return (
    <div className="space-y-6">
      <FieldFrame
        id="ticket-file"
        label="Ticket export (CSV)"
        hint="One row per ticket or contact, as Zendesk, Freshdesk, Intercom, Help Scout or a phone system exports it. The file is read in your browser: only monthly totals are sent. For each month in the file, the import sets the channels, and the reasons, segments and KPIs it has columns for, to exactly what the file says."
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

      {header.length ? (
        <section aria-labelledby="columns-title" className="space-y-3">
          <h2 id="columns-title" className="text-base font-semibold">
            1. Which column holds what
          </h2>
          <ColumnChoice
            header={header}
            mapping={mapping}
            units={units}
            onColumn={setColumn}
            onUnit={(f, u) => setUnits((x) => ({ ...x, [f]: u }))}
          />
          {loaded ? null : (
            <Button type="button" onClick={() => void read()} disabled={progress !== null}>
              {progress !== null ? 'Reading…' : 'Read the file'}
            </Button>
          )}
          {progress !== null ? (
            <div>
              <progress className="w-full" value={progress} max={1} aria-label="Reading the file" />
              <p className="text-xs text-ink-subtle" aria-live="polite">
                {formatNumberUpTo(progress * 100, 0)} % read
              </p>
            </div>
          ) : null}
        </section>
      ) : null}

      {loaded && values && mapping.date === undefined ? (
        <p role="alert" className="text-sm text-danger">
          Choose the column that holds the date each ticket was created.
        </p>
      ) : null}

      {loaded && values && aggregated && stats ? (
        <>
          <section aria-labelledby="values-title" className="space-y-3">
            <h2 id="values-title" className="text-base font-semibold">
              2. Match the values to this team’s lists
            </h2>
            <p className="text-sm text-ink-muted">
              Pre-filled from what this team chose in earlier imports, then from the names. A new item is created with
              the import.
            </p>
            {values.slashDates ? (
              <FieldFrame id="date-order" label="Dates like 03/04/2026 mean">
                <Select
                  id="date-order"
                  size="sm"
                  className="max-w-xs"
                  value={dateOrder}
                  onChange={(e) => setDateOrder(e.target.value as DateOrder)}
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
                  values={values[kind]}
                  choice={choices[kind]}
                  items={lists[kind]}
                  noColumn={kind === 'channel' && mapping.channel === undefined}
                  onChange={(v, t) => setOverrides((o) => ({ ...o, [kind]: { ...o[kind], [v]: t } }))}
                />
              ),
            )}
            {mapping.reason !== undefined ? (
              <fieldset className="rounded-md p-3 ring-1 ring-line">
                <legend className="px-1 text-sm font-semibold">Tickets with several tags</legend>
                <Checkbox checked={tagColumn} onChange={(e) => setMultiTag(e.target.checked)}>
                  The reason column holds several tags per ticket
                </Checkbox>
                {tagColumn ? (
                  <div className="mt-2 space-y-1 text-sm">
                    <Radio name="tag-rule" checked={rule === 'first'} onChange={() => setRule('first')}>
                      Count each ticket once, under the first of its tags that matches a reason: reasons add up to the
                      contacts.
                    </Radio>
                    <Radio name="tag-rule" checked={rule === 'each'} onChange={() => setRule('each')}>
                      Count a ticket under each reason its tags match: reasons can add up to more than the contacts.
                    </Radio>
                  </div>
                ) : null}
              </fieldset>
            ) : null}
            <TicketKpis
              kpis={props.kpis}
              targets={kpiTargets}
              mapping={mapping}
              onChange={(k, v) => setKpiTargets((t) => ({ ...t, [k]: v }))}
            >
              {mapping.satisfaction !== undefined ? (
                <SatisfactionValues
                  values={values.satisfaction}
                  classes={satClasses}
                  onChange={(v, c) => setSatOverrides((o) => ({ ...o, [v]: c }))}
                />
              ) : null}
            </TicketKpis>
          </section>

          <section aria-labelledby="result-title" className="space-y-3">
            <h2 id="result-title" className="text-base font-semibold">
              3. Preview: now → after import
            </h2>
            <p className="text-sm text-ink-muted">
              {formatNumber(stats.rows)} rows read from {loaded.name}: {formatNumber(stats.counted)} counted
              {stats.unmappedChannel ? `, ${formatNumber(stats.unmappedChannel)} in channels set to Ignore` : ''}
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
                  {formatNumberUpTo(ignoredShare * 100, 1)} %) will not be counted.
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
                rule={tagColumn ? rule : 'first'}
              />
            ))}
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

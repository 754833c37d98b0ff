'use client';
import { useMemo, useState, useTransition } from 'react';
import { parse } from 'csv-parse/browser/esm';
import { parse as parseSync } from 'csv-parse/browser/esm/sync';
import { applyTicketImportAction, type TicketImportResult } from '@/lib/figures/actions';
import { detectDelimiter } from '@/lib/figures/monthly-csv';
import {
  aggregateTickets,
  distinctValues,
  guessColumns,
  guessDateOrder,
  guessValueMap,
  TICKET_FIELD_LABELS,
  TICKET_FIELDS,
  type ColumnMapping,
  type DateOrder,
  type DurationUnit,
  type TicketField,
  type ValueMaps,
} from '@/lib/figures/ticket-export';
import { Button } from '@/components/ui/button';

type Kpi = { name: string; unit: string };
type Props = { team: string; latestMonth: string; channels: string[]; reasons: string[]; segments: string[]; kpis: Kpi[] };
type Loaded = { name: string; header: string[]; rows: string[][] };

const CHUNK = 1024 * 1024;
const select = 'mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm';

async function readAll(file: File, delimiter: string, onProgress: (fraction: number) => void): Promise<string[][]> {
  const rows: string[][] = [];
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('readable', () => {
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) rows.push(record);
    });
    parser.on('error', reject);
    parser.on('end', () => resolve());
  });
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < file.size; start += CHUNK) {
    const buffer = await file.slice(start, start + CHUNK).arrayBuffer();
    parser.write(decoder.decode(buffer, { stream: true }));
    onProgress(Math.min(1, (start + CHUNK) / file.size));
    // Let the page repaint the progress bar between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  parser.write(decoder.decode());
  parser.end();
  await done;
  return rows;
}

export function TicketImport(props: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [delimiter, setDelimiter] = useState(',');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder>('DMY');
  const [units, setUnits] = useState<{ firstResponse: DurationUnit; handleTime: DurationUnit }>({ firstResponse: 'minutes', handleTime: 'minutes' });
  const [valueMaps, setValueMaps] = useState<ValueMaps>({ channel: {}, reason: {}, segment: {} });
  const [kpiTargets, setKpiTargets] = useState({ csat: '', firstResponse: '', handleTime: '' });
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TicketImportResult | null>(null);
  const [applying, startApply] = useTransition();

  async function choose(f: File | null) {
    setFile(f);
    setLoaded(null);
    setResult(null);
    setError(null);
    if (!f) return;
    const head = await f.slice(0, 64 * 1024).text();
    const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const d = detectDelimiter(firstLine);
    try {
      const [cols] = parseSync(firstLine, { delimiter: d, relax_quotes: true }) as string[][];
      setDelimiter(d);
      setHeader(cols ?? []);
      setMapping(guessColumns(cols ?? []));
      const guess = (name: string) => props.kpis.find((k) => new RegExp(name, 'i').test(k.name))?.name ?? '';
      setKpiTargets({ csat: guess('csat|satisf'), firstResponse: guess('first.*(response|reply)'), handleTime: guess('handle') });
    } catch {
      setError('The first line of this file is not readable CSV.');
    }
  }

  async function read() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const rows = await readAll(file, delimiter, setProgress);
      const data = rows.slice(1);
      const multiReason = /tag/i.test(header[mapping.reason ?? -1] ?? '');
      setDateOrder(guessDateOrder(data.slice(0, 500).map((r) => r[mapping.date ?? -1] ?? '')));
      setValueMaps({
        channel: mapping.channel === undefined ? { '': props.channels[0] ?? null } : guessValueMap(distinctValues(data, mapping.channel, false), props.channels.map((name) => ({ name }))),
        reason: guessValueMap(distinctValues(data, mapping.reason, multiReason), props.reasons.map((name) => ({ name }))),
        segment: guessValueMap(distinctValues(data, mapping.segment, false), props.segments.map((name) => ({ name }))),
      });
      setLoaded({ name: file.name, header, rows: data });
    } catch (e) {
      setError(`Could not read the file: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const kpiUnit = (name: string) => (props.kpis.find((k) => k.name === name)?.unit === 'SECONDS' ? 'SECONDS' : 'MINUTES') as 'SECONDS' | 'MINUTES';
  const aggregated = useMemo(() => {
    if (!loaded) return null;
    return aggregateTickets(loaded.rows, {
      mapping,
      dateOrder,
      durationUnits: units,
      multiValue: { reason: /tag/i.test(header[mapping.reason ?? -1] ?? ''), segment: false },
      valueMaps,
      kpis: {
        csat: kpiTargets.csat || undefined,
        firstResponse: kpiTargets.firstResponse ? { kpi: kpiTargets.firstResponse, unit: kpiUnit(kpiTargets.firstResponse) } : undefined,
        handleTime: kpiTargets.handleTime ? { kpi: kpiTargets.handleTime, unit: kpiUnit(kpiTargets.handleTime) } : undefined,
      },
      satisfactionScaleMax: 5,
      latestMonth: props.latestMonth,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- kpiUnit derives from props only
  }, [loaded, mapping, dateOrder, units, valueMaps, kpiTargets, header, props.latestMonth]);

  function setColumn(field: TicketField, value: string) {
    setMapping((m) => {
      const next = { ...m };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });
    setLoaded(null);
  }

  function apply() {
    if (!aggregated) return;
    startApply(async () => setResult(await applyTicketImportAction({ team: props.team, months: aggregated.months })));
  }

  const mappingUi = (kind: keyof ValueMaps, items: string[], label: string) => {
    const entries = Object.entries(valueMaps[kind]);
    if (!entries.length) return null;
    return (
      <fieldset className="rounded-md p-3 ring-1 ring-line">
        <legend className="px-1 text-sm font-semibold">{label}</legend>
        <div className="grid max-h-72 gap-2 overflow-y-auto sm:grid-cols-2">
          {entries.map(([value, target], i) => (
            <div key={value}>
              <label htmlFor={`${kind}-${i}`} className="block truncate text-xs text-ink-muted">{value === '' ? '(every ticket)' : value}</label>
              <select id={`${kind}-${i}`} className={select} value={target ?? ''} onChange={(e) => setValueMaps((m) => ({ ...m, [kind]: { ...m[kind], [value]: e.target.value || null } }))}>
                <option value="">Ignore</option>
                {items.map((name) => (
                  <option key={name} value={name}>{name}</option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
    );
  };

  return (
    <div className="space-y-6">
      <div>
        <label htmlFor="ticket-file" className="block text-sm font-medium">Ticket export (CSV)</label>
        <input id="ticket-file" type="file" accept=".csv,text/csv,.txt" onChange={(e) => void choose(e.target.files?.[0] ?? null)} className="mt-1 block text-sm" aria-describedby="ticket-file-hint" />
        <p id="ticket-file-hint" className="mt-1 text-xs text-ink-subtle">One row per ticket or contact. Commas, semicolons or tabs; quoted fields with commas or line breaks; UTF-8 with or without BOM. The file is read in your browser: only monthly totals are sent.</p>
      </div>
      {error ? <p role="alert" className="rounded-md bg-danger-surface px-3 py-2 text-sm text-danger">{error}</p> : null}

      {header.length ? (
        <section aria-labelledby="columns-title" className="space-y-3">
          <h2 id="columns-title" className="text-base font-semibold">1. Which column holds what</h2>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {TICKET_FIELDS.map((field) => (
              <div key={field}>
                <label htmlFor={`col-${field}`} className="block text-sm font-medium">{TICKET_FIELD_LABELS[field]}</label>
                <select id={`col-${field}`} className={select} value={mapping[field] ?? ''} onChange={(e) => setColumn(field, e.target.value)}>
                  <option value="">{field === 'date' ? 'Choose…' : 'Not in this file'}</option>
                  {header.map((h, i) => (
                    <option key={i} value={i}>{h || `Column ${i + 1}`}</option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            {(['firstResponse', 'handleTime'] as const).map((f) => (
              <div key={f}>
                <label htmlFor={`unit-${f}`} className="block text-sm font-medium">{TICKET_FIELD_LABELS[f]}: plain numbers are in</label>
                <select id={`unit-${f}`} className={select} value={units[f]} onChange={(e) => setUnits((u) => ({ ...u, [f]: e.target.value as DurationUnit }))}>
                  <option value="seconds">seconds</option>
                  <option value="minutes">minutes</option>
                  <option value="hours">hours</option>
                </select>
              </div>
            ))}
          </div>
          <Button type="button" onClick={() => void read()} disabled={mapping.date === undefined || progress !== null}>
            {progress !== null ? 'Reading…' : 'Read the file'}
          </Button>
          {progress !== null ? (
            <div>
              <progress className="w-full" value={progress} max={1} aria-label="Reading the file" />
              <p className="text-xs text-ink-subtle" aria-live="polite">{Math.round(progress * 100)}% read</p>
            </div>
          ) : null}
        </section>
      ) : null}

      {loaded && aggregated ? (
        <>
          <section aria-labelledby="values-title" className="space-y-3">
            <h2 id="values-title" className="text-base font-semibold">2. Match the values to this team’s lists</h2>
            <div>
              <label htmlFor="date-order" className="block text-sm font-medium">Dates like 03/04/2026 mean</label>
              <select id="date-order" className={`${select} max-w-xs`} value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)}>
                <option value="DMY">3 April (day first)</option>
                <option value="MDY">March 4 (month first)</option>
              </select>
            </div>
            {mappingUi('channel', props.channels, 'Channels')}
            {mappingUi('reason', props.reasons, 'Contact reasons')}
            {mappingUi('segment', props.segments, 'Who contacted')}
            <fieldset className="grid gap-3 rounded-md p-3 ring-1 ring-line sm:grid-cols-3">
              <legend className="px-1 text-sm font-semibold">KPIs to fill</legend>
              {([['csat', 'Satisfaction → % satisfied'], ['firstResponse', 'First response → average'], ['handleTime', 'Handle time → average']] as const).map(([key, label]) => (
                <div key={key}>
                  <label htmlFor={`kpi-${key}`} className="block text-xs text-ink-muted">{label}</label>
                  <select id={`kpi-${key}`} className={select} value={kpiTargets[key]} onChange={(e) => setKpiTargets((t) => ({ ...t, [key]: e.target.value }))}>
                    <option value="">Don’t fill</option>
                    {props.kpis.map((k) => (
                      <option key={k.name} value={k.name}>{k.name}</option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          </section>

          <section aria-labelledby="result-title" className="space-y-3">
            <h2 id="result-title" className="text-base font-semibold">3. Preview</h2>
            <p className="text-sm text-ink-muted">
              {aggregated.stats.rows.toLocaleString('en-GB')} rows read from {loaded.name}: {aggregated.stats.counted.toLocaleString('en-GB')} counted
              {aggregated.stats.noDate ? `, ${aggregated.stats.noDate} without a readable date` : ''}
              {aggregated.stats.unmappedChannel ? `, ${aggregated.stats.unmappedChannel} in ignored channels` : ''}
              {aggregated.stats.future ? `, ${aggregated.stats.future} dated in the future` : ''}.
            </p>
            <div className="overflow-x-auto rounded-lg ring-1 ring-line">
              <table className="min-w-full divide-y divide-line text-sm">
                <caption className="sr-only">Monthly figures that will be imported</caption>
                <thead className="bg-surface-muted text-left text-xs text-ink-muted uppercase">
                  <tr>
                    <th scope="col" className="px-3 py-2">Month</th>
                    <th scope="col" className="px-3 py-2 text-right">Received</th>
                    <th scope="col" className="px-3 py-2 text-right">Handled</th>
                    <th scope="col" className="px-3 py-2">By channel</th>
                    <th scope="col" className="px-3 py-2">KPIs</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line-subtle">
                  {aggregated.months.map(({ month, payload }) => (
                    <tr key={month}>
                      <th scope="row" className="px-3 py-2 text-left font-medium">{month}</th>
                      <td className="px-3 py-2 text-right tabular-nums">{payload.volumes.reduce((n, v) => n + v.received, 0).toLocaleString('en-GB')}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{payload.volumes.reduce((n, v) => n + v.handled, 0).toLocaleString('en-GB')}</td>
                      <td className="px-3 py-2 text-xs">{payload.volumes.map((v) => `${v.channel} ${v.received}`).join(' · ')}</td>
                      <td className="px-3 py-2 text-xs">{payload.kpis.map((k) => `${k.kpi} ${k.value}`).join(' · ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Button type="button" onClick={apply} disabled={applying || aggregated.months.length === 0}>
              {applying ? 'Importing…' : `Import ${aggregated.months.length} month${aggregated.months.length === 1 ? '' : 's'}`}
            </Button>
          </section>
        </>
      ) : null}

      {result ? (
        <div role="status" className={`rounded-md px-3 py-2 text-sm ring-1 ${result.ok ? 'bg-success-surface text-success ring-success-line' : 'bg-danger-surface text-danger ring-danger-line'}`}>
          <p className="font-medium">{result.message}</p>
          {result.applied ? <p>{result.applied.map((a) => `${a.month}: ${a.outcome}`).join(' · ')}</p> : null}
          {result.problems?.length ? (
            <ul className="list-disc pl-5">
              {result.problems.map((p, i) => (
                <li key={i}>{p.where ? `${p.where}: ` : ''}{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

// The month entry form: one field per item (`received:<id>`, `handled:<id>`, `reason:<id>`,
// `segment:<id>`, `kpi:<id>`), blank meaning "no figure". Errors come back keyed by field name.
import type { FieldErrors } from '../errors';
import type { Catalog } from './figures';
import type { MonthChange, MonthState } from './state';
import { parseKpiNumber } from '../team-settings/kpi-schemas';

const COUNT = /^\d{1,10}$/;
// The same ceilings as the API (schemas.ts): counts fit the Int columns, KPI values Decimal(14,4).
export const MAX_COUNT = 1_000_000_000;

export function fieldValuesOf(state: MonthState): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, v] of Object.entries(state.volumes)) {
    values[`received:${id}`] = String(v.received);
    values[`handled:${id}`] = String(v.handled);
  }
  for (const [id, n] of Object.entries(state.reasons)) values[`reason:${id}`] = String(n);
  for (const [id, n] of Object.entries(state.segments)) values[`segment:${id}`] = String(n);
  for (const [id, n] of Object.entries(state.kpis)) values[`kpi:${id}`] = String(n);
  if (state.note) values.note = state.note;
  return values;
}

export function parseMonthForm(
  values: Record<string, string>,
  catalog: Catalog,
): { change: MonthChange; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const change: MonthChange = {
    volumes: {},
    reasons: {},
    segments: {},
    kpis: {},
    note: (values.note ?? '').trim() || null,
  };
  const fail = (field: string, message: string) => (fieldErrors[field] = [message]);
  const count = (field: string): number | null => {
    const raw = (values[field] ?? '').replace(/[\s,]/g, '');
    if (raw === '') return null;
    if (!COUNT.test(raw)) {
      fail(field, 'Enter a whole number, 0 or more.');
      return null;
    }
    if (Number(raw) > MAX_COUNT) {
      fail(field, 'That is more than 1,000,000,000: check the number.');
      return null;
    }
    return Number(raw);
  };
  if ((change.note?.length ?? 0) > 1000) fail('note', 'Keep the note under 1000 characters.');
  const confirmed = values.confirmHandled === 'on' || values.confirmHandled === 'true';
  for (const c of catalog.channels) {
    const received = count(`received:${c.id}`);
    const handled = count(`handled:${c.id}`);
    if (received === null && handled === null) continue;
    if (received === null && !fieldErrors[`received:${c.id}`])
      fail(`received:${c.id}`, `Enter what ${c.name} received too.`);
    else if (handled === null && !fieldErrors[`handled:${c.id}`])
      fail(`handled:${c.id}`, `Enter what ${c.name} handled too.`);
    else if (received !== null && handled !== null) {
      if (handled > received && !confirmed)
        fail(
          `handled:${c.id}`,
          `More handled than received: tick “Handled can exceed received” below if the backlog was worked off.`,
        );
      else change.volumes[c.id] = { received, handled };
    }
  }
  for (const r of catalog.reasons) {
    const n = count(`reason:${r.id}`);
    if (n !== null) change.reasons[r.id] = n;
  }
  for (const s of catalog.segments) {
    const n = count(`segment:${s.id}`);
    if (n !== null) change.segments[s.id] = n;
  }
  for (const k of catalog.kpis) {
    const field = `kpi:${k.id}`;
    const raw = (values[field] ?? '').trim().replace(',', '.');
    if (raw === '') continue;
    const parsed = parseKpiNumber(raw, k.unit);
    if ('error' in parsed) fail(field, parsed.error);
    else change.kpis[k.id] = parsed.value;
  }
  return { change, fieldErrors };
}

// Numbers as readers here write them (en-GB: 12,345.6). Intl formatters are costly to build — a
// `toLocaleString` call with options builds one each time, which cost the dashboard milliseconds
// per request — so each shape is built once and reused.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits, maximumFractionDigits });
    formats.set(key, format);
  }
  return format;
}

/** 12,345 — or with exactly `decimals` decimals: formatNumber(92.5, 1) → "92.5", (92, 1) → "92.0". */
export function formatNumber(n: number, decimals = 0): string {
  return numberFormat(decimals, decimals).format(n);
}

/** Up to `decimals` decimals, none shown when they are zero: (92, 1) → "92", (92.46, 1) → "92.5". */
export function formatNumberUpTo(n: number, decimals: number): string {
  return numberFormat(0, decimals).format(n);
}

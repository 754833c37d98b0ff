// Reads a help-desk export in the browser, a megabyte at a time, so a 50,000-ticket file never
// leaves the leader's machine and the progress bar moves while it is read.
import { parse } from 'csv-parse/browser/esm';
import { parse as parseSync } from 'csv-parse/browser/esm/sync';
import { detectDelimiter } from '@/lib/figures/monthly-csv';

const CHUNK = 1024 * 1024;

/** The header row and the separator, from the start of the file. */
export async function readHeader(file: File): Promise<{ header: string[]; delimiter: string }> {
  const head = await file.slice(0, 64 * 1024).text();
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const [cols] = parseSync(firstLine, { delimiter, relax_quotes: true }) as string[][];
  return { header: (cols ?? []).map((c) => c.trim()), delimiter };
}

/** Every row, the header included; BOM, quoted separators and line breaks handled by csv-parse. */
export async function readAll(
  file: File,
  delimiter: string,
  onProgress: (fraction: number) => void,
): Promise<string[][]> {
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

'use client';
import { formatNumber } from '@/lib/format';
import { ENCODING_LABELS, type Encoding, type TicketFile } from '@/lib/figures/ticket-file';
import { FieldFrame } from '@/components/ui/field';
import { Select } from '@/components/ui/input';

const WHY = {
  preamble: 'before the header row (the report’s title and filters)',
  subtotal: 'between the tickets (the report’s group headings and subtotals, which are no tickets)',
  footer: 'after the last ticket (the report’s footer)',
} as const;

/** How the file was read: the desk, the encoding (with a choice where another one fits), the lines left out. */
export function TicketFileNotice({
  file,
  sourceKind,
  profileUsed,
  onEncoding,
}: {
  file: TicketFile & { name: string };
  sourceKind: string;
  profileUsed: boolean;
  onEncoding: (encoding: Encoding) => void;
}) {
  return (
    <section aria-labelledby="file-title" className="space-y-2 rounded-md bg-surface-muted px-3 py-2 text-sm">
      <h2 id="file-title" className="font-semibold">
        {sourceKind === 'CSV export' ? 'A help-desk export' : `A ${sourceKind} export`}:{' '}
        {formatNumber(file.rows.length)} ticket{file.rows.length === 1 ? '' : 's'}
      </h2>
      {profileUsed ? (
        <p>Read with this team’s saved settings for this export: columns, units, date order, characters and values.</p>
      ) : null}
      {file.encodings.length > 1 ? (
        <FieldFrame
          id="file-encoding"
          label="Characters read as"
          hint={
            file.accented.length
              ? `Check these names read right: ${file.accented.join(', ')}. If they look garbled, choose the other encoding.`
              : 'Every character in this file is plain ASCII, so both encodings read it the same.'
          }
        >
          <Select
            id="file-encoding"
            size="sm"
            className="max-w-md"
            value={file.encoding}
            aria-describedby="file-encoding-hint"
            onChange={(e) => onEncoding(e.target.value as Encoding)}
          >
            {file.encodings.map((e, i) => (
              <option key={e} value={e}>
                {ENCODING_LABELS[e]}
                {i === 0 ? ' (detected)' : ''}
              </option>
            ))}
          </Select>
        </FieldFrame>
      ) : (
        <p>
          Characters read as {ENCODING_LABELS[file.encoding]}
          {file.accented.length ? `: ${file.accented.join(', ')}` : ''}.
        </p>
      )}
      {file.leftOut.map((l) => (
        <p key={l.why}>
          Left out {formatNumber(l.lines)} line{l.lines === 1 ? '' : 's'} {WHY[l.why]}, starting “{l.example}”.
        </p>
      ))}
    </section>
  );
}

'use client';
import {
  TICKET_FIELD_LABELS,
  TICKET_FIELDS,
  type ColumnMapping,
  type DurationUnit,
  type TicketField,
} from '@/lib/figures/ticket-export';
import { Select } from '@/components/ui/input';

export type Units = { firstResponse: DurationUnit; handleTime: DurationUnit };

type Props = {
  header: string[];
  mapping: ColumnMapping;
  units: Units;
  onColumn: (field: TicketField, value: string) => void;
  onUnit: (field: keyof Units, unit: DurationUnit) => void;
};

/** Step 1: which column holds what, guessed from the headers; time units guessed from them too. */
export function ColumnChoice({ header, mapping, units, onColumn, onUnit }: Props) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {TICKET_FIELDS.map((field) => (
          <div key={field}>
            <label htmlFor={`col-${field}`} className="block text-sm font-medium">
              {TICKET_FIELD_LABELS[field]}
            </label>
            <Select
              id={`col-${field}`}
              size="sm"
              className="mt-1"
              value={mapping[field] ?? ''}
              onChange={(e) => onColumn(field, e.target.value)}
            >
              <option value="">{field === 'date' ? 'Choose…' : 'Not in this file'}</option>
              {header.map((h, i) => (
                <option key={i} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {(['firstResponse', 'handleTime'] as const)
          .filter((f) => mapping[f] !== undefined)
          .map((f) => (
            <div key={f}>
              <label htmlFor={`unit-${f}`} className="block text-sm font-medium">
                {TICKET_FIELD_LABELS[f]}: plain numbers are in
              </label>
              <Select
                id={`unit-${f}`}
                size="sm"
                className="mt-1"
                value={units[f]}
                onChange={(e) => onUnit(f, e.target.value as DurationUnit)}
              >
                <option value="seconds">seconds</option>
                <option value="minutes">minutes</option>
                <option value="hours">hours</option>
              </Select>
              <p className="mt-1 text-xs text-ink-subtle">
                Guessed from the header “{header[mapping[f]!]}”; times like 1:02:03 are read as they are.
              </p>
            </div>
          ))}
      </div>
    </>
  );
}

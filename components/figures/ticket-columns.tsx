'use client';
import {
  TICKET_FIELD_LABELS,
  TICKET_FIELDS,
  type ColumnMapping,
  type DurationUnit,
  type TicketField,
} from '@/lib/figures/ticket-export';
import { FieldFrame } from '@/components/ui/field';
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
          <FieldFrame key={field} id={`col-${field}`} label={TICKET_FIELD_LABELS[field]}>
            <Select
              id={`col-${field}`}
              size="sm"
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
          </FieldFrame>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {(['firstResponse', 'handleTime'] as const)
          .filter((f) => mapping[f] !== undefined)
          .map((f) => (
            <FieldFrame
              key={f}
              id={`unit-${f}`}
              label={`${TICKET_FIELD_LABELS[f]}: plain numbers are in`}
              hint={`Guessed from the header “${header[mapping[f]!]}”; times like 1:02:03 are read as they are.`}
            >
              <Select
                id={`unit-${f}`}
                size="sm"
                aria-describedby={`unit-${f}-hint`}
                value={units[f]}
                onChange={(e) => onUnit(f, e.target.value as DurationUnit)}
              >
                <option value="seconds">seconds</option>
                <option value="minutes">minutes</option>
                <option value="hours">hours</option>
              </Select>
            </FieldFrame>
          ))}
      </div>
    </>
  );
}

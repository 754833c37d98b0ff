import { Card } from '@/components/ui/card';
import { formatInstant } from '@/lib/dates/zone';

type Delivery = {
  id: string;
  status: 'PENDING' | 'SENDING' | 'RETRYING' | 'SENT' | 'FAILED';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  destination: { name: string; kind: 'SLACK' | 'TEAMS' | 'WEBHOOK' };
};

const STATUS = {
  PENDING: 'Waiting to be sent',
  SENDING: 'Sending',
  RETRYING: 'Retrying',
  SENT: 'Sent',
  FAILED: 'Failed',
} as const;

const TONE = {
  PENDING: 'text-ink-muted',
  SENDING: 'text-ink-muted',
  RETRYING: 'text-warning',
  SENT: 'text-success',
  FAILED: 'text-danger',
} as const;

/** Each Slack, Teams or webhook destination's state for this edition, for its leaders. */
export function DeliveryStatus({
  deliveries,
  zone,
  published,
}: {
  deliveries: Delivery[];
  zone: string;
  published: boolean;
}) {
  return (
    <Card title="Slack, Teams and webhooks">
      {deliveries.length ? (
        <ul className="space-y-2 text-sm" aria-label="Deliveries of this edition">
          {deliveries.map((d) => (
            <li key={d.id} data-testid="delivery-status">
              <span className="font-medium">{d.destination.name}</span>:{' '}
              <span className={`font-medium ${TONE[d.status]}`}>{STATUS[d.status]}</span>
              {d.status === 'SENT' && d.sentAt ? ` ${formatInstant(d.sentAt, zone)}` : ''}
              {d.status === 'RETRYING' || d.status === 'FAILED'
                ? ` after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.lastError ?? 'unknown error'}`
                : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">
          {published
            ? 'This edition was not posted anywhere: the team had no destinations when it was published.'
            : 'On first publish, the edition is announced to the destinations set in the team’s settings.'}
        </p>
      )}
    </Card>
  );
}

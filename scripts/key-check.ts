// Slack/Teams/webhook destinations are stored encrypted under a key derived from AUTH_SECRET. A
// database restored or moved without its AUTH_SECRET (or DATA_DIR/auth-secret) still lists them,
// but nothing can post there: `npm start` says so plainly, once, naming them and what to do,
// instead of each delivery failing with GCM's "unable to authenticate data".
import pg from 'pg';
import { UndecryptableSecretError } from '../lib/errors';
import { openSecret } from '../lib/deliveries/secret-box';

export type UnreadableDestination = { team: string; name: string; kind: string };

/** The destinations whose stored address or signing secret does not open under `authSecret`. */
export async function findUnreadableDestinations(url: string, authSecret: string): Promise<UnreadableDestination[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{
      team: string;
      name: string;
      kind: string;
      url: string;
      secret: string | null;
    }>(
      `SELECT t.slug AS team, d.name, d.kind::text AS kind, d."urlEncrypted" AS url, d."secretEncrypted" AS secret
       FROM "DeliveryDestination" d JOIN "Team" t ON t.id = d."teamId" ORDER BY t.slug, d.name`,
    );
    return rows.rows
      .filter((d) => {
        try {
          for (const stored of [d.url, d.secret]) if (stored) openSecret(authSecret, stored);
          return false;
        } catch (error) {
          return error instanceof UndecryptableSecretError;
        }
      })
      .map(({ team, name, kind }) => ({ team, name, kind }));
  } finally {
    await client.end();
  }
}

/** What start-up prints about them: nothing when every destination opens. */
export function describeUnreadableDestinations(found: UnreadableDestination[]): string[] {
  if (!found.length) return [];
  const kinds: Record<string, string> = { SLACK: 'Slack', TEAMS: 'Teams', WEBHOOK: 'webhook' };
  return [
    `${found.length} Slack/Teams/webhook destination${found.length === 1 ? '' : 's'} cannot be read with this AUTH_SECRET:`,
    ...found.map((d) => `  team ${d.team}: “${d.name}” (${kinds[d.kind] ?? d.kind})`),
    'The database was restored or moved without the key they were saved with, so editions will not be posted there',
    '(each delivery fails once, saying so) and unsubscribe links in emails sent before will not work. To fix it, start',
    'with the AUTH_SECRET (or the DATA_DIR/auth-secret file) of the installation the data came from; or remove these',
    "destinations in each team's settings and add them again.",
  ];
}

/** Start-up's check; a database it cannot read is reported elsewhere, so it never stops the start. */
export async function reportUnreadableDestinations(
  url: string,
  authSecret: string | undefined,
  say: (line: string) => void,
): Promise<void> {
  if (!authSecret) return;
  try {
    for (const line of describeUnreadableDestinations(await findUnreadableDestinations(url, authSecret))) say(line);
  } catch (error) {
    say(`Could not check the stored destinations' keys: ${(error as Error).message}`);
  }
}

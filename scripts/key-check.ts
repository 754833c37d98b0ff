// Slack/Teams/webhook destinations are stored encrypted under a key derived from AUTH_SECRET. A
// database restored or moved without its AUTH_SECRET (or DATA_DIR/auth-secret) still lists them,
// but nothing can post there: `npm start` says so plainly, once, naming them and what to do,
// instead of each delivery failing with GCM's "unable to authenticate data".
import path from 'node:path';
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

/**
 * Start-up's word on keys: with the embedded default (which backs itself up), which key to keep
 * with those backups; and any destination this AUTH_SECRET cannot open. Never stops the start: a
 * database it cannot read is reported elsewhere.
 */
export async function reportKeys(
  url: string,
  authSecret: string | undefined,
  embedded: { dataDir: string; explicitSecret: boolean } | null,
  say: (line: string) => void,
): Promise<void> {
  if (embedded) say(backupKeyAdvice(embedded.explicitSecret, embedded.dataDir).keep);
  if (!authSecret) return;
  try {
    for (const line of describeUnreadableDestinations(await findUnreadableDestinations(url, authSecret))) say(line);
  } catch (error) {
    say(`Could not check the stored destinations' keys: ${(error as Error).message}`);
  }
}

/**
 * What `db:backup` and start-up say about the key a backup does not hold. `explicit`: AUTH_SECRET
 * was set in the environment; otherwise the embedded default's key is the file in `dataDir`.
 */
export function backupKeyAdvice(explicit: boolean, dataDir: string | null): { keep: string; warning: string | null } {
  const file = dataDir ? path.join(dataDir, 'auth-secret') : 'DATA_DIR/auth-secret';
  return {
    keep: explicit
      ? 'Keep AUTH_SECRET with your backups, stored apart from them: a backup does not hold it, and a restore without it loses every Slack/Teams/webhook destination and unsubscribe link.'
      : `Keep ${file} with your backups, stored apart from them: a backup does not hold it, and a restore without it loses every Slack/Teams/webhook destination and unsubscribe link.`,
    warning: explicit
      ? null
      : `AUTH_SECRET is not set, so this installation's key is the file ${file}, made on its first start. Copy it with your backups, or set AUTH_SECRET to its contents so that it is kept where your other settings are.`,
  };
}

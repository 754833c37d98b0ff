import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '../env';
import { openSecret, sealSecret } from './secret-box';

// Webhook URLs carry their own credentials (Slack's and Teams' are bearer secrets), and a signed
// webhook's secret must be read back to sign: both are encrypted at rest with AES-256-GCM under a
// key derived from AUTH_SECRET, so a database dump alone does not let anyone post as the team.
// The same key must therefore travel with every backup (README, "Backups").

function authSecret(): string {
  const secret = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: delivery secrets cannot be encrypted.');
  return secret;
}

export function encryptSecret(plain: string): string {
  return sealSecret(authSecret(), plain);
}

/** Throws UndecryptableSecretError (a plain sentence) for a secret stored under another AUTH_SECRET. */
export function decryptSecret(stored: string): string {
  return openSecret(authSecret(), stored);
}

/** A signing secret for a generic webhook, shown once. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

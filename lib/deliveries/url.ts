import 'server-only';
import {
  INTERNAL_ADDRESS_MESSAGE,
  InternalAddressError,
  networkFromEnv,
  privateAllowed,
  resolveVetted,
} from './connect';

// A destination URL is typed by a leader and then posted to by the server: without these checks it
// would reach the database, the cloud metadata service or anything else on the internal network.
// The same vetting runs again on every connection (connect.ts), which is what actually protects a
// post; this check tells the leader at the field.

// Production wants https; a setup that allows internal addresses may also use plain http on them.
const httpsRequired = () => process.env.NODE_ENV === 'production' && !privateAllowed();

/** What is wrong with the address itself, before any name is resolved; null when nothing is. */
export function destinationUrlSyntaxProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Paste the full webhook address, starting with https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// address.';
  if (url.protocol === 'http:' && httpsRequired()) return 'Use an https:// address: webhooks carry the edition.';
  if (url.username || url.password) return 'Leave user names and passwords out of the address.';
  if (privateAllowed()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal'))
    return INTERNAL_ADDRESS_MESSAGE;
  return null;
}

/** What is wrong with a destination URL, in words for the form; null when it may be used. */
export async function checkDestinationUrl(value: string, network = networkFromEnv()): Promise<string | null> {
  const problem = destinationUrlSyntaxProblem(value);
  if (problem) return problem;
  const host = new URL(value).hostname;
  try {
    await resolveVetted(host, network);
  } catch (error) {
    if (error instanceof InternalAddressError) return INTERNAL_ADDRESS_MESSAGE;
    return `No such host: ${host.replace(/^\[|\]$/g, '')}.`;
  }
  return null;
}

import 'server-only';
import { headers } from 'next/headers';

export const REQUEST_ID_HEADER = 'x-request-id';

/** The id proxy.ts gave this request (or the load balancer's), or null outside a request. */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null; // a background job (the email worker) has no request
  }
}

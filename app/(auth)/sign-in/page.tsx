import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Button } from '@/components/ui/button';
import { signInWithOidcAction } from '@/lib/auth-flow/actions';
import { safeCallbackUrl } from '@/lib/callback-url';
import { oidcSignInName } from '@/lib/auth';
import { getActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  AccessDenied: 'Your organisation account is not set up in Service Review yet. Ask an admin to add you.',
  Configuration: 'Sign-in is misconfigured on the server. Tell your admin.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getActor()) redirect(callbackUrl);
  const oidcName = oidcSignInName();
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Sign-in failed. Please try again.') : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">Service Review</p>
          <h1 className="mt-2 text-2xl font-bold text-ink">Sign in</h1>
          <p className="mt-2 text-sm text-ink-subtle">
            See what our customer-service teams hear, handle and achieve every month.
          </p>
        </div>
        <div className="space-y-6 rounded-lg bg-surface p-6 shadow-sm ring-1 ring-line">
          {error ? (
            <p
              role="alert"
              className="rounded-md bg-danger-surface px-3 py-2 text-sm text-danger ring-1 ring-danger-line"
            >
              {error}
            </p>
          ) : null}
          {oidcName ? (
            <>
              <form action={signInWithOidcAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <Button type="submit" variant="secondary" className="w-full">
                  Continue with {oidcName}
                </Button>
              </form>
              <p className="text-center text-xs text-ink-subtle">or with your email and password</p>
            </>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
        </div>
        <p className="mt-6 text-center text-sm">
          <Link href="/about" className="text-accent underline">
            What is Service Review?
          </Link>
        </p>
      </div>
    </main>
  );
}

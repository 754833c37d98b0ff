import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from './db';
import { env } from './env';
import { recordAudit } from './audit';
import { departmentFromClaims, resolveDepartmentId } from './departments/departments';
import { clientIp } from './throttle';
import { authenticateWithPassword, SignInRefused, type SignInRefusal } from './sign-in';
import { isCurrentSession } from './session-user';
import { safeCallbackUrl } from './callback-url';
import { endSessionOfToken } from './users/users';

// Auth.js passes only `code` back to signIn's caller: the refusal reason travels in it.
class RefusedSignIn extends CredentialsSignin {
  constructor(reason: SignInRefusal) {
    super(reason);
    this.code = reason;
  }
}

export const credentialsSchema = z.object({
  email: z.email('Enter your email address, like name@example.com.').trim().toLowerCase().max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

const OIDC_PROVIDER_ID = 'oidc';

function oidcProvider() {
  const e = env();
  if (!e.AUTH_OIDC_ISSUER || !e.AUTH_OIDC_ID || !e.AUTH_OIDC_SECRET) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: e.AUTH_OIDC_NAME,
      type: 'oidc' as const,
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
      checks: ['pkce' as const, 'state' as const, 'nonce' as const],
    },
  ];
}

export function oidcSignInName(): string | null {
  return oidcProvider()[0]?.name ?? null;
}

// Auth.js derives callback URLs from AUTH_URL, which scripts/serve.mjs sets from PUBLIC_URL before
// Next loads (nothing changes process.env at import time).

const config: NextAuthConfig = {
  trustHost: true,
  // Wrong passwords are expected traffic (and audited): keep them out of the error log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  secret: env().AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new RefusedSignIn('invalid');
        const { email, password } = parsed.data;
        try {
          return await authenticateWithPassword(email, password, clientIp(request.headers));
        } catch (error) {
          if (error instanceof SignInRefused) throw new RefusedSignIn(error.reason);
          throw error;
        }
      },
    }),
    ...oidcProvider(),
  ],
  events: {
    // POST /api/auth/signout ends every copy of the cookie, as the app's Sign out button does
    // (lib/auth-flow/actions.ts): the version moves on. Only a cookie that is still current can
    // do so, and only once: the button raises the version before it gets here, and a stale copy
    // cannot sign its owner out of their other devices.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (typeof token?.sub !== 'string') return;
      await endSessionOfToken(token.sub, typeof token.sv === 'number' ? token.sv : 0);
    },
  },
  callbacks: {
    // An identity-provider account only gets in if an admin already created an active user
    // with that email: roles are never granted by the provider.
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const email = user.email?.toLowerCase();
      const existing = email ? await db.user.findUnique({ where: { email } }) : null;
      if (!existing || !existing.active) {
        await recordAudit(db, {
          actor: null,
          actorEmail: email ?? null,
          action: 'auth.sign_in_failed',
          entityType: 'User',
          after: { method: 'oidc', reason: existing ? 'inactive' : 'unknown user' },
        });
        return '/sign-in?error=AccessDenied';
      }
      // The provider is the source of truth for the department on every sign-in, when configured.
      const department = departmentFromClaims(profile, env().OIDC_DEPARTMENT_CLAIM);
      await db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: existing.id },
          data: {
            lastSignInAt: new Date(),
            ...(department === undefined ? {} : { departmentId: await resolveDepartmentId(tx, department) }),
          },
        });
        await recordAudit(tx, {
          actor: existing,
          action: 'auth.sign_in',
          entityType: 'User',
          entityId: existing.id,
          after: { method: 'oidc', ...(department === undefined ? {} : { department }) },
        });
      });
      return true;
    },
    // `sv` is the user's session version when the cookie was issued. Set only at sign-in: a session
    // update (POST /api/auth/session) never refreshes it, so it cannot revive a revoked cookie. Every
    // later read of the cookie through Auth.js's own endpoints (GET /api/auth/session, an update)
    // applies the same rule as every page (lib/session-user.ts): a user who is gone, inactive or
    // whose version moved on gets null, so the endpoint answers no user and re-issues no cookie.
    async jwt({ token, user, account }) {
      if (account?.provider === OIDC_PROVIDER_ID && user?.email) {
        const existing = await db.user.findUnique({
          where: { email: user.email.toLowerCase() },
          select: { id: true, sessionVersion: true },
        });
        token.sub = existing?.id;
        token.sv = existing?.sessionVersion;
        return token;
      }
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        return token;
      }
      if (typeof token.sub !== 'string') return null;
      const current = await db.user.findUnique({
        where: { id: token.sub },
        select: { active: true, sessionVersion: true },
      });
      return current && isCurrentSession(current, typeof token.sv === 'number' ? token.sv : 0) ? token : null;
    },
    // Where Auth.js sends people after signing in or out (its callbackUrl parameter, form field and
    // cookie): the sign-in form's rule, so only this site's pages, and never a header Node refuses.
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackUrl(url, baseUrl), baseUrl).href;
    },
    // The session carries only the user id; role, team and active flag are read from the
    // database on every request (lib/session.ts).
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);

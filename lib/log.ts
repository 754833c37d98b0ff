// One structured JSON line per event on stdout (pino), for whatever collects the container's
// output. `npm run dev` pipes it through pino-pretty. No 'server-only': scripts log too.
import pino, { type DestinationStream, type Logger } from 'pino';
import { logLevel, type LOG_LEVELS } from './env.js';

export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'service-review' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"error" rather than 50: readable in any log viewer without pino's table.
    formatters: { level: (label: string) => ({ level: label }) },
    // Never let a password or cookie reach the logs, whatever an error carries.
    redact: {
      paths: [
        'password',
        '*.password',
        'headers.cookie',
        'headers.authorization',
        '*.headers.cookie',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const g = globalThis as unknown as { serviceReviewLog?: Logger };

// Only LOG_LEVEL, not the whole environment: scripts (seed, admin:create) log without AUTH_SECRET.
export const log: Logger = (g.serviceReviewLog ??= createLogger(logLevel()));

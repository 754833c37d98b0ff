// A real SMTP server for tests (Vitest and Playwright alike): nodemailer speaks real SMTP to it on a
// free loopback port, and every message it accepts is kept for the test to read.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; raw: string };

export type TestSmtp = {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Answers the next `count` messages with 451 (mailbox busy), as a flaky relay would. */
  failNext(count: number): void;
  /**
   * Accepts `count` more messages, then leaves each further one unanswered (a slow relay) until
   * `release()`. A held message whose client goes away is never accepted, as with any SMTP server:
   * it has not said 250.
   */
  holdAfter(count: number): void;
  /** Messages held unanswered now. */
  held(): number;
  release(): void;
  close(): Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let failing = 0;
  let acceptBeforeHold: number | null = null;
  const held = new Map<string, () => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failing > 0) {
          failing--;
          return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        }
        const accept = () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        };
        if (acceptBeforeHold !== null && acceptBeforeHold <= 0) return void held.set(session.id, accept);
        if (acceptBeforeHold !== null) acceptBeforeHold--;
        accept();
      });
    },
    onClose(session) {
      held.delete(session.id);
    },
  });
  // A client that drops its connection (an app server stopping with a pooled connection open)
  // makes smtp-server emit 'error'. Unheard, that error fails whichever test the process is
  // running ("read ECONNRESET", no stack). What the client meant to send is in `messages` or not.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    messages,
    failNext: (count) => {
      failing = count;
    },
    holdAfter: (count) => {
      acceptBeforeHold = count;
    },
    held: () => held.size,
    release: () => {
      acceptBeforeHold = null;
      for (const accept of held.values()) accept();
      held.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Quoted-printable to text: soft breaks joined, each =XX a byte, the bytes read as UTF-8. */
function unQuote(body: string): string {
  const text = body.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A received message's parts by content type, each decoded (quoted-printable or base64): what a reader's client shows. */
export function mailParts(mail: ReceivedMail): { subject: string; html: string; text: string } {
  const raw = mail.raw.replace(/\r\n/g, '\n');
  const [head = ''] = raw.split('\n\n');
  const unfolded = head.replace(/\n[ \t]+/g, ' ');
  // RFC 2047 encoded words, the space between two of them dropped.
  const subject = (/^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, q: string) => unQuote(q.replace(/_/g, ' ')));
  const boundary = /boundary="?([^";\n]+)"?/.exec(unfolded)?.[1] ?? '';
  const parts: Record<string, string> = {};
  for (const chunk of raw.split(`--${boundary}`).slice(1)) {
    const [partHead = '', ...rest] = chunk.split('\n\n');
    const body = rest.join('\n\n').trimEnd();
    const type = /Content-Type: ([\w/]+)/i.exec(partHead)?.[1];
    if (!type) continue;
    parts[type] = /Content-Transfer-Encoding: base64/i.test(partHead)
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : /quoted-printable/i.test(partHead)
        ? unQuote(body)
        : body;
  }
  return { subject, html: parts['text/html'] ?? '', text: parts['text/plain'] ?? '' };
}

// What `npm start` does once it runs: keep the server and the embedded PostgreSQL together, and end
// with them. When either ends by itself — a crash, `kill -9`, the OOM killer — the other is stopped
// and the exit code is non-zero, so Docker's `restart:` or systemd's `Restart=on-failure` starts it
// all again. A child killed by a signal has `exitCode === null` too: its `signalCode` says it ended.
import type { ChildProcess } from 'node:child_process';

export type Supervised = {
  server: ChildProcess;
  database: { exited: Promise<string>; stop(): Promise<void> } | null;
  say(line: string): void;
  /** How long the server may take to finish its requests after SIGTERM before it is killed. */
  graceMs?: number;
};

export type Supervisor = {
  /** The code `npm start` should exit with, once both are stopped. */
  done: Promise<number>;
  /** Stops both (Ctrl-C, SIGTERM); `code` is what `done` resolves with. */
  stop(code: number): Promise<number>;
};

const ended = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export function supervise({ server, database, say, graceMs = 30_000 }: Supervised): Supervisor {
  const serverExit = new Promise<void>((resolve) => {
    if (ended(server)) resolve();
    else server.once('exit', () => resolve());
  });
  let finishing: Promise<number> | null = null;
  let settle: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (settle = resolve));

  const stop = (code: number) => {
    finishing ??= (async () => {
      if (!ended(server)) {
        server.kill('SIGTERM');
        const timer = setTimeout(() => {
          if (!ended(server)) {
            say(`The server did not stop within ${graceMs / 1000} s; killing it.`);
            server.kill('SIGKILL');
          }
        }, graceMs);
        await serverExit;
        clearTimeout(timer);
      }
      if (database) {
        say('Stopping PostgreSQL…');
        await database.stop().catch((error: unknown) => say(`PostgreSQL did not stop cleanly: ${String(error)}`));
      }
      settle(code);
      return code;
    })();
    return finishing;
  };

  server.once('exit', (code, signal) => {
    if (finishing) return;
    say(
      `The server stopped unexpectedly (${signal ? `killed by ${signal}` : `exit code ${code}`}); stopping PostgreSQL and exiting so a supervisor can restart it.`,
    );
    void stop(code || 1);
  });
  void database?.exited.then((how) => {
    if (finishing) return;
    say(`PostgreSQL stopped unexpectedly (${how}); stopping the server and exiting so a supervisor can restart it.`);
    void stop(1);
  });
  return { done, stop };
}

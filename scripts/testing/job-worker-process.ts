// An app instance's background side, alone, for tests that kill it: the job workers started exactly
// as instrumentation.ts starts them, and SIGTERM handled as scripts/serve.mjs handles it (the drain
// they register, then exit). Run with `node --import ./scripts/testing/no-server-only.mjs --import
// tsx` (lib/ imports server-only; one process, as the app is).
// Prints "stopping" the moment SIGTERM arrives, so a test knows the signal was taken.
import { startJobWorkers } from '../../lib/workers';

startJobWorkers();
process.on('SIGTERM', () => {
  process.stdout.write('stopping\n');
  const drain = (globalThis as { serviceReviewDrain?: () => Promise<void> }).serviceReviewDrain;
  void (drain ? drain() : Promise.resolve()).finally(() => process.exit(0));
});

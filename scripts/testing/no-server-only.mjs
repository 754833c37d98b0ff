// `node --import ./scripts/testing/no-server-only.mjs --import tsx x.ts`: runs lib/ code in a plain
// Node process, as Vitest does (vitest.config.ts aliases the same package). lib/ modules start with
// `import 'server-only'`, which throws outside React's server condition; that condition
// (`--conditions=react-server`) would in turn make react-dom/server, which React Email renders with,
// throw. The app itself never meets this: Next bundles lib/ for the server and keeps React Email external.
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

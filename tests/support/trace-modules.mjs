// `node --import ./tests/support/trace-modules.mjs …` appends the URL of every ES module the
// process imports to the file $SVARSTID_TRACE_MODULES, one a line (a module resolve hook; the hooks
// run on their own thread, which registers nothing). Plain JavaScript: it runs without tsx.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SVARSTID_TRACE_MODULES, `${resolved.url}\n`);
  return resolved;
}

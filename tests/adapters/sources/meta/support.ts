/** Fixtures and helpers for the Meta adapter specs. */
import { readFileSync } from 'node:fs';
import { parseMetaPayload } from '../../../../adapters/sources/meta/index.js';
import { PayloadError } from '../../../../src/inquiries/inbound.js';

/** The exact bytes of tests/fixtures/meta/<name>.json. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../../fixtures/meta/${name}.json`, import.meta.url));
}

/** A fresh parsed copy of a fixture; edit it freely (`any`: tests reach into Meta's JSON by hand). */
export function fixture(name: string): any {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}

/** A fixture changed by `edit`. */
export function edited(name: string, edit: (payload: any) => void): unknown {
  const payload = fixture(name);
  edit(payload);
  return payload;
}

/** The raw an event archives: a one-event payload of the fixture's entry and item. */
export function rawOf(name: string, key: 'changes' | 'messaging' | 'standby', entry = 0, item = 0): unknown {
  const payload = fixture(name);
  const e = payload.entry[entry];
  return { object: payload.object, entry: [{ id: e.id, time: e.time, [key]: [e[key][item]] }] };
}

/** The PayloadError a body is rejected with (fails the test when it is accepted). */
export function payloadError(body: unknown): PayloadError {
  try {
    parseMetaPayload(body);
  } catch (e) {
    if (e instanceof PayloadError) return e;
    throw e;
  }
  throw new Error('expected a PayloadError, but the payload was accepted');
}

/** Epoch ms of a literal Stockholm timestamp (with its offset written out). */
export const at = (iso: string): number => Date.parse(iso);

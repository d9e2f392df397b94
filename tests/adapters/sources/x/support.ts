/** Fixtures and builders for the X source tests: one builder with defaults per concept. */
import { readFileSync } from 'node:fs';

/** The X user id of @hoforskommun in the fixtures: the subscribed account (for_user_id). */
export const HOFORS = '289337474';
export const ANNA = { id: '1187345520741916672', name: 'Anna Lindqvist', handle: 'annalindqvist_' };

/** The exact bytes of tests/fixtures/x/<name>, as X would send them. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../../fixtures/x/${name}`, import.meta.url));
}

/** The parsed JSON of a fixture; untyped, indexed freely in expectations. */
export function fixture(name: string): any {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}

type Json = Record<string, unknown>;

/** A minimal valid v1.1 tweet: Anna's mention of @hoforskommun. */
export function aTweet(overrides: Json = {}): Json {
  return {
    id_str: '2031274411103091250',
    text: '@hoforskommun när öppnar badhuset igen?',
    created_at: 'Tue Mar 10 07:42:13 +0000 2026',
    timestamp_ms: '1773128533517',
    user: { id_str: ANNA.id, name: ANNA.name, screen_name: ANNA.handle },
    in_reply_to_status_id_str: null,
    ...overrides,
  };
}

/** A minimal valid message_create event: Anna writes a DM to @hoforskommun. */
export function aDm(overrides: Json = {}): Json {
  return {
    type: 'message_create',
    id: '2031375147914565503',
    created_timestamp: '1773152551045',
    message_create: { target: { recipient_id: HOFORS }, sender_id: ANNA.id, message_data: { text: 'Hej! Har ni öppet i dag?' } },
    ...overrides,
  };
}

export function payload(fields: Json = {}): Json {
  return { for_user_id: HOFORS, ...fields };
}

/** A copy of `object` without `key`. */
export function without(object: Json, key: string): Json {
  const { [key]: _removed, ...rest } = object;
  return rest;
}

/**
 * The logger's serializers and last check (src/log): real errors from the drivers, carrying a
 * citizen's data the way they do, are logged without it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { createLogger, scrubLine } from '../../src/log/index.js';
import { DATABASES } from '../support/databases.js';

const PNR = '19121212-1212';
const NAME = 'Klara Hemligsson';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info' }, { write: (s: string) => void lines.push(s) });
  return { logger, lines, text: () => lines.join('\n') };
}

describe.each(DATABASES)('errors from $name in the log', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.close());

  it('a failed query is logged with its SQL, codes and cause, not its parameters', async () => {
    const e = await database.db.execute(sql`insert into organizations (id, name, timezone, language, policy_yaml, updated_at) values (${NAME}, ${PNR}, ${'x'}, ${'sv'}, ${'y'}, ${'not a time'})`).catch((x: unknown) => x);
    const log = capture();
    log.logger.error({ err: e }, 'request failed');
    const line = JSON.parse(log.lines[0]!);
    expect(line.err).toMatchObject({ type: 'DrizzleQueryError', message: expect.stringMatching(/^Failed query: insert into organizations .* \(parameters not logged\)$/), cause: { code: '22007' } });
    expect(log.text()).not.toContain(PNR);
    expect(log.text()).not.toContain(NAME);
    expect(log.text()).not.toContain('not a time'); // PostgreSQL quotes the bad value in its message
  });

  it('a constraint violation is logged without the row PostgreSQL puts in its detail', async () => {
    const insert = () => database.db.execute(sql`insert into organizations (id, name, timezone, language, policy_yaml, updated_at) values (${`org-${PNR}`}, ${NAME}, 'x', 'sv', 'y', now())`);
    await insert();
    const e = await insert().catch((x: unknown) => x);
    const log = capture();
    log.logger.error({ err: e }, 'failed');
    expect(JSON.parse(log.lines[0]!).err.cause).toMatchObject({ code: '23505', constraint: 'organizations_pkey' });
    expect(log.text()).not.toContain(PNR);
    expect(log.text()).not.toContain(NAME);
  });
});

describe('the log', () => {
  it('drops what an HTTP client error carries (the request it could not send), keeping its type and status', () => {
    const e = Object.assign(new Error('Request failed with status code 500'), { config: { data: JSON.stringify({ text: `Ring ${NAME}` }) }, response: { status: 500, data: { echo: PNR } }, status: 500 });
    const log = capture();
    log.logger.warn({ err: e, error: e }, 'send failed');
    expect(JSON.parse(log.lines[0]!).err).toMatchObject({ type: 'Error', message: 'Request failed with status code 500', status: 500 });
    expect(log.text()).not.toMatch(new RegExp(`${PNR}|${NAME}`));
  });

  it('keeps an error summary as the HTTP edge makes it (type, code, frames, cause), and nothing else of a plain object', () => {
    const log = capture();
    const summary = { type: 'DrizzleQueryError', frames: ['at f (/app/x.ts:1:2)'], cause: { type: 'DatabaseError', code: '23505' }, detail: `Key (id)=(${PNR})` };
    log.logger.error({ error: summary }, 'request failed');
    expect(JSON.parse(log.lines[0]!).error).toEqual({ type: 'DrizzleQueryError', frames: ['at f (/app/x.ts:1:2)'], cause: { type: 'DatabaseError', code: '23505' } });
  });

  it('redacts known fields, at the top and one level down', () => {
    const log = capture();
    log.logger.info({ text: `Hej ${NAME}`, inquiry: { id: 4, author: NAME, raw: { from: NAME } }, headers: { authorization: 'Bearer secret-token-1' }, token: 'secret-token-2' }, 'seen');
    expect(log.text()).not.toMatch(new RegExp(`${NAME}|secret-token`));
    expect(JSON.parse(log.lines[0]!).inquiry.id).toBe(4);
  });

  it('removes, as a last check, a parameter list and what looks like personal data from any line', () => {
    const log = capture();
    log.logger.error(`Failed query: select 1\nparams: ${NAME},${PNR}`);
    log.logger.warn(`mail karin@example.se or call 070-123 45 67, pn ${PNR.replace('-', '')}`);
    expect(log.text()).not.toMatch(new RegExp(`${NAME}|${PNR}|191212121212|karin@example|070-123`));
    expect(log.text()).toContain('[personnummer removed]');
  });

  it('leaves ordinary lines alone', () => {
    const line = '{"level":30,"time":1796145647037,"pid":17232,"port":33905,"at":"2026-11-25T09:14:00.000Z","inquiry":1234567890123,"msg":"svarstid is running"}\n';
    expect(scrubLine(line)).toBe(line);
  });
});

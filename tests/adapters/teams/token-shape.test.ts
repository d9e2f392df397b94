import { describe, expect, it } from 'vitest';
import { tokenShapeProblem } from '../../../adapters/teams/token-shape.js';

const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (header: unknown) => `Bearer ${part(header)}.${part({ iss: 'https://api.botframework.com' })}.c2lnbmF0dXJl`;

describe('the shape of a Bot Connector token, before botbuilder verifies it', () => {
  it('lets an RS256 JWT naming its key through', () => {
    expect(tokenShapeProblem(jwt({ alg: 'RS256', kid: 'abc', typ: 'JWT' }))).toBeUndefined();
  });
  it.each([
    ['not Bearer', 'Basic YTpi', /must be "Bearer" and a signed JWT/],
    ['not three parts', 'Bearer not-a-jwt', /must be "Bearer" and a signed JWT/],
    ['unsigned (alg none, empty signature)', `Bearer ${part({ alg: 'none' })}.${part({})}.`, /must be "Bearer" and a signed JWT/],
    ['a header that is not JSON', 'Bearer aGVq.e30.c2ln', /header is not JSON/],
    ['alg none with a signature', jwt({ alg: 'none', kid: 'abc' }), /not signed with RS256/],
    ['HS256', jwt({ alg: 'HS256', kid: 'abc' }), /not signed with RS256/],
    ['no kid', jwt({ alg: 'RS256' }), /names no signing key/],
  ])('refuses %s', (_n, header, why) => {
    expect(tokenShapeProblem(header)).toMatch(why);
  });
});

/**
 * The request target (RFC 9112 §3.2), read strictly: the origin form `/path?query`, or the absolute
 * form `http://host/path?query` (which a server must accept; its host is ignored). Anything else is
 * a 400 naming the problem, and so is a path segment or query value that is not valid
 * percent-encoded UTF-8 (`%E0%A4%A`, `%`, an overlong or surrogate sequence) or that decodes to a
 * control character: no id, name or instant svarstid serves can contain one, and refusing here
 * keeps NUL and friends away from the database.
 */
import { problem, type HttpResponse } from './routes.js';

export interface RequestTarget {
  /** the path as sent (still percent-encoded), for logs and messages */
  readonly path: string;
  /** the decoded path segments, without the leading empty one: "/api/inquiries/7" → ["api", "inquiries", "7"] */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

export type TargetResult = { ok: true; target: RequestTarget } | { ok: false; response: HttpResponse };

/** Control characters (C0, DEL, C1): no identifier or value svarstid reads from a URL contains one. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Printable ASCII: a URI is ASCII (RFC 3986); other bytes must be percent-encoded. */
const URI_CHARS = /^[\u0021-\u007e]*$/;

const bad = (error: string, message: string): TargetResult => ({ ok: false, response: problem(400, error, message) });
const quoted = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
const codePoint = (s: string): string => `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Strict percent-decoding: undefined when the text is not percent-encoded UTF-8. */
function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function originForm(raw: string): string | undefined {
  if (raw.startsWith('/')) return raw;
  if (!/^https?:\/\//i.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

export function parseRequestTarget(raw: string | undefined): TargetResult {
  const target = raw ?? '';
  if (!URI_CHARS.test(target)) return bad('bad_request_target', 'the request target must be printable ASCII; percent-encode other bytes as UTF-8 (%XX)');
  const origin = originForm(target);
  if (origin === undefined) {
    return bad('bad_request_target', `the request target ${quoted(target)} is neither a path starting with "/" nor an absolute http(s) URL`);
  }
  const cut = origin.search(/[?#]/);
  const path = cut < 0 ? origin : origin.slice(0, cut);
  const rawQuery = cut >= 0 && origin[cut] === '?' ? origin.slice(cut + 1).split('#')[0]! : '';
  const segments: string[] = [];
  for (const part of path.split('/').slice(1)) {
    const segment = decode(part);
    if (segment === undefined) return bad('bad_path_encoding', `the path segment ${quoted(part)} is not valid percent-encoded UTF-8 (write each byte as %XX with two hex digits)`);
    const control = CONTROL.exec(segment);
    if (control) return bad('bad_path', `the path segment ${quoted(part)} contains the control character ${codePoint(control[0])}, which no id or name can contain`);
    segments.push(segment);
  }
  const query = new URLSearchParams();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawName, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const name = decode(rawName.replace(/\+/g, ' '));
    const value = decode(rawValue.replace(/\+/g, ' '));
    if (name === undefined || value === undefined) {
      return bad('bad_query_encoding', `the query parameter ${quoted(rawName)} is not valid percent-encoded UTF-8 (write each byte as %XX with two hex digits)`);
    }
    const control = CONTROL.exec(name + value);
    if (control) return bad('bad_query', `the query parameter ${quoted(name)} contains the control character ${codePoint(control[0])}, which no value svarstid reads can contain`);
    query.append(name, value);
  }
  return { ok: true, target: { path, segments, query } };
}

/**
 * JSON from a client, parsed safely: nesting deeper than MAX_JSON_DEPTH is refused by a linear scan
 * *before* JSON.parse (a 5,000-level payload parses, but every recursive walk after it — zod,
 * structured clone, the database driver's serializer — can overflow the stack). The platforms
 * nest about ten levels at most (a Meta feed change: payload → entry → changes → value → from).
 */

export const MAX_JSON_DEPTH = 64;

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: 'too_deep' | 'malformed_json'; message: string };

/**
 * The deepest nesting of objects and arrays in `text`, stopping as soon as it passes `limit`.
 * Brackets inside strings (and escaped quotes) do not count. Linear, no recursion, no allocation.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  if (text.charCodeAt(0) === 0xfeff) return { ok: false, error: 'malformed_json', message: 'the body starts with a byte order mark (U+FEFF); send JSON without one (RFC 8259 §8.1)' };
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, error: 'too_deep', message: `the JSON nests objects and arrays deeper than ${maxDepth} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: 'malformed_json', message: `the body is not valid JSON: ${(e as Error).message}` };
  }
}

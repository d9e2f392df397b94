/**
 * Text for Slack's mrkdwn. Lines from adapters/chat-text are plain text, and a citizen's words may
 * hold `<!channel>`, `<@U…>`, `*` or `_`: Slack's own rule is to escape &, < and > (which disarms
 * mentions and links); formatting characters are neutralised with a zero-width joiner so a quoted
 * `*grattis*` stays literal. Plain-text fields (header, button labels) are only cut to their limits.
 */

const ZWJ = '\u200D';

const URL = /https?:\/\/[^\s<>]+/g;

const entities = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * &, <, > escaped as Slack documents; *, _, ~ and ` followed by a zero-width joiner, except inside
 * URLs (Slack links them itself, and a joiner would break them).
 */
export function escapeMrkdwn(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(URL)) {
    out += entities(text.slice(at, m.index)).replace(/([*_~`])/g, `$1${ZWJ}`) + entities(m[0]);
    at = m.index + m[0].length;
  }
  return out + entities(text.slice(at)).replace(/([*_~`])/g, `$1${ZWJ}`);
}

/** At most `limit` characters (code points), "…" when cut. */
export function cut(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** A link in mrkdwn: `<https://…|label>` (the URL's own `|` and `>` escaped). */
export function link(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

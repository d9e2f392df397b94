/**
 * The one flow every ingestion webhook follows: verify the signature over the raw body (401), parse
 * JSON (400), translate the payload (400 with what is wrong), hand the events to the core, answer
 * 200 with what happened. Nothing is stored unless every step before the hand-over succeeded; the
 * core stores the whole delivery in one transaction (with its exact bytes), each message
 * idempotently, so a redelivery is answered 200 with what was there counted as duplicates.
 */
import type { IngestPort } from '../../src/app.js';
import { parseJsonBody, problem, json, type HttpRequest, type HttpResponse } from '../../src/http/routes.js';
import { eventItem, PayloadError, SourceRefusedError, type SourceEvent } from '../../src/inquiries/inbound.js';
import type { IngestResult } from '../../src/inquiries/ingest.js';

export interface WebhookFlow {
  /** null when the request is authentic, else the reason (for the 401 body) */
  verify(req: HttpRequest): string | null;
  parse(body: unknown, req: HttpRequest): SourceEvent[];
}

export function notConfigured(source: string, variables: string): HttpResponse {
  return problem(503, 'source_not_configured', `the ${source} webhook is not configured on this server: set ${variables}`);
}

export async function runWebhook(req: HttpRequest, flow: WebhookFlow, port: IngestPort): Promise<HttpResponse> {
  const denied = flow.verify(req);
  if (denied !== null) return problem(401, 'invalid_signature', denied);
  const body = parseJsonBody(req);
  if (!body.ok) return body.response;
  let events: SourceEvent[];
  try {
    events = flow.parse(body.value, req);
  } catch (e) {
    if (e instanceof PayloadError) return problem(400, e.code, e.message);
    throw e;
  }
  const lossy = lossyId(events, req.body);
  if (lossy) return problem(400, 'invalid_encoding', `${lossy} holds bytes that are not UTF-8; an id must be text (RFC 8259 §8.1: JSON is UTF-8), else two different ids would read the same`);
  // the sender, as the events name it: meta, x, generic:<source name>
  const first = events[0];
  const item = first === undefined ? undefined : eventItem(first);
  const origin = item !== undefined && 'origin' in item ? item.origin : undefined;
  const source = item === undefined ? '' : origin ? `${item.source}:${origin.name}` : item.source;
  let result: IngestResult;
  try {
    // one unit: every event stored or none (a failure is answered 5xx, and the redelivery stores it all)
    result = await port.ingest(events, { source, body: req.body });
  } catch (e) {
    // a generic source posting for an account the directory does not bind to it: nothing was stored
    if (e instanceof SourceRefusedError) return problem(403, e.code, e.message);
    throw e;
  }
  return json(200, { received: result.received.length, duplicates: result.duplicates.length, answered: result.answered.length, edited: result.edited.length, removed: result.removed.length, inquiries: [...result.received, ...result.duplicates] });
}

const ID_FIELDS = ['accountExternalId', 'externalId', 'inReplyTo'] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes that are not UTF-8 read as U+FFFD, whatever they were: in a text that is harmless (the
 * exact bytes stay in the deliveries archive), but two ids that differ only in such bytes would
 * become one key, and the second message would be answered "duplicate" and lost. So a body that is
 * not UTF-8 is refused when one of its events' ids holds a U+FFFD; the field is named, never its value.
 */
function lossyId(events: readonly SourceEvent[], raw: Buffer): string | undefined {
  const suspects: string[] = [];
  events.forEach((e, i) => {
    const item = Object.values(e).find((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) ?? {};
    for (const f of ID_FIELDS) if (typeof item[f] === 'string' && item[f].includes('\ufffd')) suspects.push(`event ${i}: ${f}`);
    const author = item.author as { id?: unknown } | undefined;
    if (typeof author?.id === 'string' && author.id.includes('\ufffd')) suspects.push(`event ${i}: author id`);
  });
  if (suspects.length === 0) return undefined;
  try {
    utf8.decode(raw);
    return undefined; // a real U+FFFD, sent as such: a character like any other
  } catch {
    return suspects[0];
  }
}

/** A request header as one string (the first, when repeated). */
export function header(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

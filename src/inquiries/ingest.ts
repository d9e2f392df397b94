/** Hands a source's events to the use cases, in order: messages are received, own replies answer. */
import { answerFromSource, type AnswerDeps } from './answer-from-source.js';
import type { SourceEvent } from './inbound.js';
import { receive, type ReceiveDeps } from './receive.js';

export interface IngestResult {
  /** new inquiries */
  received: number[];
  /** redeliveries of messages already stored */
  duplicates: number[];
  /** inquiries marked answered by the organization's own reply */
  answered: number[];
}

export async function ingest(deps: ReceiveDeps & AnswerDeps, events: readonly SourceEvent[], now: number): Promise<IngestResult> {
  const result: IngestResult = { received: [], duplicates: [], answered: [] };
  for (const e of events) {
    if (e.kind === 'message') {
      const { inquiry, created } = await receive(deps, e.message, now);
      (created ? result.received : result.duplicates).push(inquiry.id);
    } else {
      for (const i of await answerFromSource(deps, e.reply, now)) result.answered.push(i.id);
    }
  }
  return result;
}

/** Reading what the bot sent: the text of a card (title and lines) and its buttons. */
import type { ConnectorCall } from '../../fakes/teams-connector.js';

export function cardOf(call: ConnectorCall | undefined): any {
  const a = call?.body?.attachments?.find((x: any) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  return a?.content;
}

/** every TextRun's text, one entry per block */
export function cardLines(call: ConnectorCall | undefined): string[] {
  return (cardOf(call)?.body ?? []).map((b: any) => (b.inlines ?? []).map((r: any) => r.text).join(''));
}

/** what a person reads: a plain text message, or the card's lines joined */
export function textOf(call: ConnectorCall | undefined): string {
  return call?.body?.text ?? cardLines(call).join('\n');
}

export function buttons(call: ConnectorCall | undefined): string[] {
  return (cardOf(call)?.actions ?? []).map((a: any) => a.title);
}

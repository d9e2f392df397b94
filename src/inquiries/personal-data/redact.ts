/**
 * Redaction for chat: reminders and digests quote the citizen's text in Slack or Teams, so the
 * personal data found in it is replaced by a placeholder ("[personnummer borttaget]") before it leaves svarstid
 * (Nässjö 20: no personal data in the municipality's social media; Hofors 3.2). The inquiry keeps the
 * original text and raw payload for the registry.
 */
import { detectPersonalData } from './detect.js';
import type { PersonalDataKind } from './types.js';

/** The placeholder shown instead of the data (Swedish: the readers are Swedish officers). */
const PLACEHOLDER: Record<PersonalDataKind, string> = {
  personnummer: '[personnummer borttaget]',
  samordningsnummer: '[samordningsnummer borttaget]',
  phone: '[telefonnummer borttaget]',
  email: '[e-postadress borttagen]',
};

export function redactPersonalData(text: string): string {
  const { matches } = detectPersonalData(text);
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue; // overlapping matches: the first one already covers it
    out += `${text.slice(at, m.start)}${PLACEHOLDER[m.kind]}`;
    at = m.end;
  }
  return out + text.slice(at);
}

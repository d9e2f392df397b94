/**
 * The lines that describe one inquiry in a reminder or a notice: where it came in, who wrote, what
 * they wrote, the deadline, who has it, and the personal-data warning (words: src/texts).
 */
import type { InquirySummary } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { formatDateTime } from './dates.js';
import { formatWorkingTimeLeft } from './durations.js';
import { MESSAGE_TEXT_LIMIT, oneLine, quote } from './excerpt.js';
import type { Language } from './message.js';
import { onChannel, personalDataList } from './names.js';

/** The citizen's name, or "okänd avsändare". */
export function authorOf(i: InquirySummary, lang: Language): string {
  const name = i.authorName === null ? '' : oneLine(i.authorName);
  return name !== '' ? name : texts(lang).unknownSender;
}

/** "Fråga #42 till Hofors kommun på Facebook" */
export function whereLine(i: InquirySummary, lang: Language): string {
  return texts(lang).inquiry.where(i.id, oneLine(i.accountName), onChannel(i.channel, lang));
}

/** "Länk: https://…", or nothing when the source gave no link. */
export function linkLine(i: InquirySummary, lang: Language): string | undefined {
  if (i.url === null || i.url.trim() === '') return undefined;
  return texts(lang).inquiry.link(i.url.trim());
}

/** "Från: Karin Svensson, i går kl. 10:00" */
export function fromLine(i: InquirySummary, zone: string, now: number, lang: Language): string {
  return texts(lang).inquiry.from(authorOf(i, lang), formatDateTime(i.receivedAt, zone, now, lang));
}

/**
 * "Svara senast i dag kl. 14:30 (2 tim 15 min kvar i arbetstid)." while time is left;
 * "Svarstiden gick ut i dag kl. 09:00 (försenad med 1 tim 5 min arbetstid)." once it has run out.
 */
export function deadlineLine(i: InquirySummary, zone: string, now: number, lang: Language): string {
  const t = texts(lang).inquiry;
  if (i.deadline === null) return t.noResponseTime;
  const when = formatDateTime(i.deadline, zone, now, lang);
  const left = i.workingTimeLeft;
  const runOut = left !== null ? left <= 0 : i.deadline <= now;
  const detail = left !== null && left !== 0 ? formatWorkingTimeLeft(left, lang) : '';
  return runOut ? t.ranOut(when, detail) : t.answerBy(when, detail);
}

/** Who has the inquiry, for managers: "Erik Lind har tagit frågan." */
export function assignmentLine(i: InquirySummary, lang: Language): string {
  const t = texts(lang).inquiry;
  const who = i.assigneeName === null ? '' : oneLine(i.assigneeName);
  if (who === '') return t.nobody;
  if (i.state === 'claimed') return t.claimedBy(who);
  if (i.state === 'forwarded') return t.forwardedTo(who);
  return t.responsible(who);
}

/**
 * The warning when the text holds personal data. Hofors 3.2: a conversation that turns to sensitive
 * data is stopped, the data deleted from the social medium, and the post moved to the registry
 * (diariet) for ordinary case handling. Nässjö 20: no personal data may be published in the
 * municipality's social media. Nässjö 13 / Arvidsjaur 8: save (document) a post before removing it.
 */
export function personalDataLine(i: InquirySummary, lang: Language): string | undefined {
  if (i.personalData.length === 0) return undefined;
  return texts(lang).inquiry.personalData(personalDataList(i.personalData, lang), onChannel(i.channel, lang));
}

/** Where, link, from, the quoted text and the deadline. */
export function inquiryLines(i: InquirySummary, zone: string, now: number, lang: Language): string[] {
  const lines = [whereLine(i, lang), linkLine(i, lang), fromLine(i, zone, now, lang), quote(i.text, MESSAGE_TEXT_LIMIT, lang), deadlineLine(i, zone, now, lang)];
  return lines.filter((l): l is string => l !== undefined);
}

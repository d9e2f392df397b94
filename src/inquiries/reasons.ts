/**
 * The guidelines' reasons for removing a comment, complete: the union of the five guidelines in
 * ../shared/seeds (Hofors 2.6 and 3 "Juridiken", Arvidsjaur 5–6, Nässjö 9, Hultsfred "Vårt regelverk",
 * Region Gotland "Hur?"). Each reason names the guideline sections it comes from, its Swedish and
 * English names, its short forms (Swedish and English, for the commands), and two defaults the
 * policy's `moderation:` section may change per organization:
 *
 *   register  removed material must be saved and registered (Gotland: "Avpublicerat eller raderat
 *             material måste sparas och registreras … Även reklam ska avpubliceras, men behöver inte
 *             sparas och registreras"): true for all but advertising, campaigns and spam;
 *   police    a police report should be considered (Hofors 2.6 "i förekommande fall aktualisera
 *             polisanmälan", Hofors 3 point 2: uppvigling, hets mot folkgrupp, barnpornografibrott,
 *             olaga våldsskildring, upphovsrättsintrång; Nässjö 9 "hot" — olaga hot; "uppmaningar till brott").
 *
 * `annat` (other) is a reason only with a note saying what it was.
 */
import type { CloseReason } from './model.js';

export interface ReasonInfo {
  /** the guideline sections, "Hofors 2.6", "Nässjö 9" */
  readonly sources: readonly string[];
  readonly en: string;
  /** short forms, Swedish and English (folded when matched) */
  readonly aliases: readonly string[];
  readonly register: boolean;
  readonly police: boolean;
}

const r = (sources: string[], en: string, aliases: string[], register = true, police = false): ReasonInfo => ({ sources, en, aliases, register, police });

export const REASONS: Readonly<Record<CloseReason, ReasonInfo>> = {
  förtal: r(['Hofors 2.6', 'Arvidsjaur 6', 'Nässjö 9', 'Hultsfred', 'Gotland'], 'defamation', ['defamation', 'libel', 'skvaller', 'ärekränkning']),
  'hets mot folkgrupp': r(['Hofors 2.6', 'Hofors 3', 'Arvidsjaur 6', 'Hultsfred', 'Gotland'], 'hate-speech', ['hets', 'hate speech', 'hate-speech', 'hate'], true, true),
  personangrepp: r(['Hofors 2.6', 'Arvidsjaur 6', 'Nässjö 9', 'Hultsfred'], 'personal-attack', ['angrepp', 'personal attack', 'personal-attack', 'attack', 'förolämpning', 'förolämpningar', 'insult', 'hatiska kommentarer']),
  'sexism/trakasserier': r(['Hofors 2.6', 'Arvidsjaur 6'], 'harassment', ['sexism', 'trakasserier', 'harassment', 'sexistiska yttranden']),
  'olaga våldsskildring': r(['Hofors 2.6', 'Hofors 3', 'Arvidsjaur 6'], 'violence', ['våldsskildring', 'våld', 'violence', 'olovlig våldsskildring'], true, true),
  upphovsrättsintrång: r(['Hofors 2.6', 'Hofors 3', 'Arvidsjaur 6', 'Gotland'], 'copyright', ['upphovsrätt', 'copyright'], true, true),
  'reklam/spam': r(['Arvidsjaur 6', 'Gotland'], 'spam', ['reklam', 'spam', 'advertising', 'ad', 'ads'], false),
  sekretess: r(['Hofors 3.2', 'Arvidsjaur 5', 'Nässjö 9', 'Gotland'], 'confidential', ['confidential', 'confidentiality', 'sekretessbelagda uppgifter', 'sekretessbelagt', 'classified-information']),
  personuppgifter: r(['Hofors 3.2', 'Arvidsjaur 6', 'Nässjö 9', 'Nässjö 20', 'Hultsfred', 'Gotland'], 'personal-data', ['personal data', 'personal-data', 'pii', 'gdpr', 'integritetskränkande']),
  'utanför ämnet': r(['Nässjö 9'], 'off-topic', ['utanför', 'off-topic', 'off topic', 'offtopic']),
  'svordomar/obscena ord': r(['Arvidsjaur 6', 'Nässjö 9'], 'profanity', ['svordomar', 'svordom', 'obscena ord', 'obscent', 'profanity', 'obscenity', 'swearing']),
  'uppmaning till brott': r(['Hofors 2.6', 'Arvidsjaur 6', 'Nässjö 9'], 'incitement-to-crime', ['uppmaningar till brott', 'brott', 'incitement', 'incitement to crime', 'incitement-to-crime', 'crime'], true, true),
  uppvigling: r(['Hofors 3'], 'sedition', ['sedition'], true, true),
  pornografi: r(['Hofors 2.6', 'Arvidsjaur 6'], 'pornography', ['porr', 'pornography', 'porn']),
  barnpornografi: r(['Hofors 3'], 'child-abuse-material', ['barnpornografibrott', 'csam', 'child abuse material', 'child-abuse-material', 'child pornography'], true, true),
  'hot/trakasserier': r(['Nässjö 9'], 'threats', ['hot', 'olaga hot', 'threat', 'threats'], true, true),
  'kränkande kommentarer': r(['Nässjö 9', 'Hultsfred'], 'offensive', ['kränkande', 'offensive', 'discrimination']),
  'kommersiella budskap': r(['Arvidsjaur 6', 'Nässjö 9'], 'commercial', ['kommersiellt', 'commercial', 'commercial message'], false),
  propaganda: r(['Nässjö 9'], 'propaganda', ['systematisk propaganda']),
  'kampanjer/spam': r(['Nässjö 9'], 'campaigns', ['kampanj', 'kampanjer', 'campaign', 'campaigns'], false),
  'hemligstämplat material': r(['Nässjö 9'], 'classified', ['hemligstämplat', 'classified', 'secret']),
  'länk till otillåtet material': r(['Nässjö 9'], 'forbidden-link', ['länk', 'länkar', 'link', 'links', 'forbidden link', 'forbidden-link']),
  annat: r([], 'other', ['other']),
};

/** The reason that must have a note saying what it was. */
export const REASON_NEEDING_NOTE: CloseReason = 'annat';

export function needsNote(reason: string, note: string | undefined | null): boolean {
  return reason === REASON_NEEDING_NOTE && (note ?? '').trim() === '';
}

const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase();

const BY_NAME: ReadonlyMap<string, CloseReason> = new Map(
  (Object.entries(REASONS) as Array<[CloseReason, ReasonInfo]>).flatMap(([reason, info]) => [[fold(reason), reason] as const, ...info.aliases.map((a) => [fold(a), reason] as const)]),
);

/** The stored reason a name or short form means ("spam" → "reklam/spam"), or undefined. */
export function canonicalReason(name: string): CloseReason | undefined {
  return BY_NAME.get(fold(name));
}

/**
 * What the chat service says, Swedish by default and English by policy: who did what to an inquiry,
 * and why something was not done (looked up by the stable code, DESIGN.md convention 8). The words
 * are the text catalogue's (src/texts); this module only chooses among them.
 */
import type { Language } from '../commands/index.js';
import { isActive, type Inquiry, type InquiryState } from '../inquiries/model.js';
import { texts } from '../texts/index.js';
import type { InquiryAction } from './types.js';
import type { AnswerAvailability, ModerationOffer } from '../reminders/model.js';

export function stateName(state: InquiryState, lang: Language): string {
  return texts(lang).states[state];
}

export type Outcome =
  | { readonly type: 'claim' }
  | { readonly type: 'forward'; readonly to: string; readonly reason?: string }
  | { readonly type: 'done' }
  | { readonly type: 'close'; readonly reason: string; readonly note?: string }
  | { readonly type: 'register'; readonly caseNumber: string | null }
  | { readonly type: 'answer'; readonly on: string; readonly link: string | null }
  | { readonly type: 'told'; readonly on: string }
  | { readonly type: 'hide' | 'remove'; readonly on: string; readonly reason: string; readonly note?: string }
  | { readonly type: 'archived'; readonly reason: string; readonly note?: string };

/** "#42 – Erik Lind tog frågan." — shown where the message about the inquiry was, and as the command's answer. */
export function outcomeText(id: number, actor: string, o: Outcome, lang: Language): string {
  const t = texts(lang).outcome;
  const what = (() => {
    switch (o.type) {
      case 'claim':
        return t.claim;
      case 'forward':
        return t.forward(o.to, o.reason ?? null);
      case 'done':
        return t.done;
      case 'close':
        return t.close(o.reason, o.note ?? null);
      case 'register':
        return t.register(o.caseNumber);
      case 'answer':
        return t.answer(o.on, o.link);
      case 'told':
        return t.told(o.on);
      case 'hide':
      case 'remove':
        return t[o.type](o.on, o.reason, o.note ?? null);
      case 'archived':
        return t.archived(o.reason, o.note ?? null);
    }
  })();
  return `#${id} – ${actor} ${what}`;
}

/** "Fråga #42 är redan besvarad, så den kan inte stängas." */
export function illegalTransitionText(id: number, state: InquiryState | undefined, action: InquiryAction | 'told' | 'archived', lang: Language): string {
  const t = texts(lang).refusals;
  const now = state === undefined ? '?' : state === 'unrouted' || state === 'answered' || state === 'closed' ? t.stateNow[state] : stateName(state, lang);
  return t.illegal_transition(id, now, t.cannot[action === 'told' ? 'answer' : action === 'archived' ? 'remove' : action]);
}

/** The refusals, by code (the catalogue's, read when used). */
export const REFUSALS: Readonly<Record<Language, ReturnType<typeof texts>['refusals']>> = {
  get sv() {
    return texts('sv').refusals;
  },
  get en() {
    return texts('en').refusals;
  },
};

/**
 * The buttons an inquiry still offers: an open or forwarded one can be taken (a taken one cannot be
 * taken over: it is forwarded instead); active ones can be sent on, answered and closed; any routed
 * one can be registered once.
 */
export function actionsFor(i: Pick<Inquiry, 'state' | 'registered'> & { readonly answer?: AnswerAvailability | undefined; readonly moderation?: ModerationOffer | undefined }): InquiryAction[] {
  const out: InquiryAction[] = [];
  if (i.state === 'open' || i.state === 'forwarded') out.push('claim');
  // Svara only where svarstid can post on the account (a token, the app keys, a callback URL)
  if (isActive(i.state) && i.answer?.ok === true) out.push('answer');
  if (isActive(i.state)) out.push('forward', 'done', 'close');
  if (i.state !== 'unrouted' && !i.registered) out.push('register');
  // Dölj / Ta bort only where the platform allows it and svarstid has the account's token (src/moderation)
  if (isActive(i.state) && i.moderation?.hide) out.push('hide');
  if (isActive(i.state) && i.moderation?.remove) out.push('remove');
  if (isActive(i.state) && i.moderation?.secure) out.push('secure');
  return out;
}

/**
 * Why svarstid cannot answer on an account, in the reader's words: the English detail of the
 * credential lookup (it names a variable or a secrets entry, never a value) turned into a sentence.
 */
export function answerUnavailableWhy(detail: string, lang: Language): string {
  if (lang === 'en') return detail.replace(/"([^"]*)"/g, '“$1”');
  let m: RegExpExecArray | null;
  if ((m = /^environment variable (\S+) is not set$/.exec(detail))) return `miljövariabeln ${m[1]} med kontots token är inte satt`;
  if ((m = /^secrets file entry "([^"]+)" is not set$/.exec(detail))) return `posten ”${m[1]}” med kontots token finns inte i hemlighetsfilen`;
  if (detail === 'the directory names no credentials for this account') return 'katalogen anger ingen token för kontot';
  if (/X_CONSUMER_KEY/.test(detail)) return 'X-appens nycklar X_CONSUMER_KEY och X_CONSUMER_SECRET är inte satta';
  if ((m = /^(SVARSTID_SOURCE_CALLBACK_\S+) is not set/.exec(detail))) return `källans svarsadress ${m[1]} är inte satt`;
  if ((m = /^(SVARSTID_SOURCE_SECRET_\S+) is not set/.exec(detail))) return `källans hemlighet ${m[1]} är inte satt`;
  if (/reached no account/.test(detail)) return 'meddelandet hör inte till något konto i katalogen';
  if (/no longer in the directory/.test(detail)) return 'kontot finns inte längre i katalogen';
  return `kontots token går inte att läsa: ${detail}`;
}

/**
 * What the chat service says, Swedish by default and English by policy: who did what to an inquiry,
 * and why something was not done (looked up by the stable code, DESIGN.md convention 8).
 */
import type { Language } from '../commands/index.js';
import { isActive, type Inquiry, type InquiryState } from '../inquiries/model.js';
import type { InquiryAction } from './types.js';

const STATE: Record<Language, Record<InquiryState, string>> = {
  sv: { unrouted: 'inte kopplad till något konto', open: 'öppen', claimed: 'tagen', forwarded: 'vidarebefordrad', answered: 'besvarad', closed: 'stängd' },
  en: { unrouted: 'not linked to any account', open: 'open', claimed: 'taken', forwarded: 'forwarded', answered: 'answered', closed: 'closed' },
};

export function stateName(state: InquiryState, lang: Language): string {
  return STATE[lang][state];
}

export type Outcome =
  | { readonly type: 'claim' }
  | { readonly type: 'forward'; readonly to: string; readonly reason?: string }
  | { readonly type: 'done' }
  | { readonly type: 'close'; readonly reason: string; readonly note?: string }
  | { readonly type: 'register'; readonly caseNumber: string | null };

/** "#42 – Erik Lind tog frågan." — shown where the message about the inquiry was, and as the command's answer. */
export function outcomeText(id: number, actor: string, o: Outcome, lang: Language): string {
  const sv = lang === 'sv';
  const what = (() => {
    switch (o.type) {
      case 'claim':
        return sv ? 'tog frågan.' : 'took the question.';
      case 'forward':
        return sv ? `skickade frågan till ${o.to}${o.reason ? `: ${o.reason}` : '.'}` : `forwarded the question to ${o.to}${o.reason ? `: ${o.reason}` : '.'}`;
      case 'done':
        return sv ? 'markerade frågan som besvarad.' : 'marked the question as answered.';
      case 'close':
        return sv ? `stängde frågan (${o.reason})${o.note ? `: ${o.note}` : '.'}` : `closed the question (${o.reason})${o.note ? `: ${o.note}` : '.'}`;
      case 'register':
        return sv ? `diarieförde frågan${o.caseNumber ? ` som ${o.caseNumber}` : ''}.` : `registered the question${o.caseNumber ? ` as ${o.caseNumber}` : ''}.`;
    }
  })();
  return `#${id} – ${actor} ${what}`;
}

export const REFUSALS = {
  sv: {
    unknown_user: 'Hej! Jag hittar dig inte bland kommunens handläggare i svarstid, så du kan inte hantera frågor här ännu. Be informationssamordnaren lägga till dig i katalogen.',
    not_found: (id: number) => `Det finns ingen fråga #${id}. Skriv /svarstid lista för att se dina frågor.`,
    wrong_organization: (id: number) => `Fråga #${id} hör till en annan organisation, så du kan inte hantera den.`,
    unknown_person: (name: string) => `Jag hittar ingen "${name}" bland organisationens personer i svarstid. Nämn personen med @.`,
    ambiguous_person: (name: string, c: string) => `Flera personer passar in på "${name}": ${c}. Nämn personen med @ eller skriv hela namnet.`,
    inactive_person: 'Den personen är inte längre aktiv i svarstid.',
    summary_managers_only: 'Sammanfattningen är till för chefer och informationssamordnare.',
    illegal_transition: (id: number, state: string) => `Fråga #${id} är ${state}, så det går inte nu.`,
    already_claimed: (id: number, who: string) => `Fråga #${id} har redan tagits av ${who}.`,
    already_yours: (id: number) => `Fråga #${id} är redan din.`,
    already_registered: (id: number, nr: string | null) => `Fråga #${id} är redan diarieförd${nr ? ` (${nr})` : ''}.`,
    unknown_reason: 'Det skälet finns inte i riktlinjernas lista.',
    concurrent_change: (id: number) => `Någon annan ändrade fråga #${id} samtidigt. Försök igen.`,
    absence: {
      bad_period: 'Frånvaron måste sluta efter att den börjar, och får inte redan ha tagit slut.',
      overlaps: 'Du har redan en frånvaro som överlappar den perioden.',
      unknown_person: 'Jag hittar inte ersättaren bland organisationens personer.',
      wrong_organization: 'Ersättaren måste höra till samma organisation som du.',
      self_substitute: 'Du kan inte vara din egen ersättare.',
      not_absent: 'Du är inte registrerad som frånvarande just nu.',
    },
  },
  en: {
    unknown_user: "Hello! I can't find you among the officers in svarstid, so you can't handle questions here yet. Ask the communications coordinator to add you to the directory.",
    not_found: (id: number) => `There is no question #${id}. Type /svarstid list to see your questions.`,
    wrong_organization: (id: number) => `Question #${id} belongs to another organization, so you can't handle it.`,
    unknown_person: (name: string) => `I can't find "${name}" among the organization's people in svarstid. Mention the person with @.`,
    ambiguous_person: (name: string, c: string) => `Several people match "${name}": ${c}. Mention the person with @ or write the full name.`,
    inactive_person: 'That person is no longer active in svarstid.',
    summary_managers_only: 'The summary is for managers and communications coordinators.',
    illegal_transition: (id: number, state: string) => `Question #${id} is ${state}, so that is not possible now.`,
    already_claimed: (id: number, who: string) => `Question #${id} has already been taken by ${who}.`,
    already_yours: (id: number) => `Question #${id} is already yours.`,
    already_registered: (id: number, nr: string | null) => `Question #${id} is already registered${nr ? ` (${nr})` : ''}.`,
    unknown_reason: "That reason is not in the guidelines' list.",
    concurrent_change: (id: number) => `Someone else changed question #${id} at the same time. Try again.`,
    absence: {
      bad_period: 'The absence must end after it starts, and must not have ended already.',
      overlaps: 'You already have an absence overlapping that period.',
      unknown_person: "I can't find the substitute among the organization's people.",
      wrong_organization: 'The substitute must belong to the same organization as you.',
      self_substitute: "You can't be your own substitute.",
      not_absent: 'You are not registered as away right now.',
    },
  },
} as const;

/**
 * The buttons an inquiry still offers: an open or forwarded one can be taken (a taken one cannot be
 * taken over: it is forwarded instead); active ones can be sent on, answered and closed; any routed
 * one can be registered once.
 */
export function actionsFor(i: Pick<Inquiry, 'state' | 'registered'>): InquiryAction[] {
  const out: InquiryAction[] = [];
  if (i.state === 'open' || i.state === 'forwarded') out.push('claim');
  if (isActive(i.state)) out.push('forward', 'done', 'close');
  if (i.state !== 'unrouted' && !i.registered) out.push('register');
  return out;
}

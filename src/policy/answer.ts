/**
 * The policy's `answer:` section: how an answer svarstid posts for an officer is signed, how long it
 * may be per channel, and what the citizen is told when their matter is registered (diariefört).
 *
 *   answer:
 *     signature: "{förnamn}, {titel}"      # placeholders from the directory: {förnamn} {namn} {titel}
 *                                          # (English: {first_name} {name} {title})
 *     required: true                       # the answer must end with the signature
 *     limits: { x: 280, facebook: 2000 }   # optional, per channel: at most what the platform allows
 *     registered: "Vi har registrerat ditt ärende med diarienummer {diarienummer}. …"
 *     registered_without_number: "Vi har registrerat ditt ärende. …"
 *
 * Nässjö 5: "Meddelandet ska alltid avslutas med namn och titel, t ex 'Karin, kommunikatör'".
 * Pure: no I/O. Texts are the policy's own words; the defaults are in the policy's language.
 */
import * as z from 'zod';
import { CHANNEL_KINDS, type ChannelKind } from './vocabulary.js';
import { didYouMean } from './did-you-mean.js';

/** What each platform takes in one answer (characters; X: twitter-text's weighted count). */
export const PLATFORM_LIMITS: Readonly<Partial<Record<ChannelKind, number>>> = {
  x: 280,
  facebook: 8000,
  messenger: 2000,
  instagram: 2200,
};

/** Instagram direct messages take less than comments (Meta: text messages up to 1,000 characters). */
export const INSTAGRAM_DM_LIMIT = 1000;

export const SIGNATURE_PLACEHOLDERS = ['förnamn', 'namn', 'titel', 'first_name', 'name', 'title'] as const;
export const CASE_PLACEHOLDERS = ['diarienummer', 'case_number'] as const;

export interface AnswerPolicy {
  /** the signature template, or null: answers are not signed */
  readonly signature: string | null;
  readonly required: boolean;
  /** per channel, the lower of the policy's limit and the platform's */
  readonly limits: ReadonlyMap<ChannelKind, number>;
  readonly registered: string;
  readonly registeredWithoutNumber: string;
}

const DEFAULT_REGISTERED = {
  sv: 'Vi har registrerat ditt ärende med diarienummer {diarienummer}. Du kan hänvisa till numret om du kontaktar oss igen.',
  en: 'We have registered your matter with case number {diarienummer}. Please quote the number if you contact us again.',
} as const;
const DEFAULT_REGISTERED_WITHOUT = {
  sv: 'Vi har registrerat ditt ärende och återkommer till dig.',
  en: 'We have registered your matter and will get back to you.',
} as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

function placeholders(s: string): string[] {
  return [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function template(allowed: readonly string[], mustHave?: readonly string[], mustNotHave?: readonly string[]) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .superRefine((s, ctx) => {
      for (const p of placeholders(s)) {
        if (!allowed.includes(p)) ctx.addIssue({ code: 'custom', message: `{${p}} is not a placeholder here${didYouMean(p, allowed)}; use ${allowed.map((a) => `{${a}}`).join(', ')}` });
      }
      if (/[{}]/.test(s.replace(PLACEHOLDER, ''))) ctx.addIssue({ code: 'custom', message: 'an unmatched { or }' });
      const found = placeholders(s);
      if (mustHave && !found.some((p) => mustHave.includes(p))) ctx.addIssue({ code: 'custom', message: `must contain {${mustHave[0]}}, where the case number goes` });
      if (mustNotHave && found.some((p) => mustNotHave.includes(p))) ctx.addIssue({ code: 'custom', message: `is used when no case number is given: it cannot contain {${mustNotHave[0]}}` });
    });
}

const limits = z.record(z.string(), z.number().int().positive('must be a positive number of characters')).superRefine((byKind, ctx) => {
  for (const [kind, n] of Object.entries(byKind)) {
    if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) {
      ctx.addIssue({ code: 'custom', path: [kind], message: `"${kind}" is not a channel kind${didYouMean(kind, CHANNEL_KINDS)}; known: ${CHANNEL_KINDS.join(', ')}` });
      continue;
    }
    const max = PLATFORM_LIMITS[kind as ChannelKind];
    if (max !== undefined && n > max) ctx.addIssue({ code: 'custom', path: [kind], message: `${n} is more than ${kind} allows (${max} characters)` });
  }
});

export const answerSchema = z.strictObject({
  signature: template(SIGNATURE_PLACEHOLDERS).optional(),
  required: z.boolean({ message: 'required must be true or false' }).default(false),
  limits: limits.default({}),
  registered: template(CASE_PLACEHOLDERS, CASE_PLACEHOLDERS).optional(),
  registered_without_number: template([], undefined, CASE_PLACEHOLDERS).optional(),
});

export type AnswerInput = z.output<typeof answerSchema>;

/** The compiled section (defaults in the policy's language when absent). */
export function compileAnswer(a: AnswerInput | undefined, language: 'sv' | 'en'): AnswerPolicy {
  const merged = new Map<ChannelKind, number>(Object.entries(PLATFORM_LIMITS) as Array<[ChannelKind, number]>);
  for (const [k, n] of Object.entries(a?.limits ?? {})) merged.set(k as ChannelKind, n);
  return {
    signature: a?.signature ?? null,
    required: a?.required ?? false,
    limits: merged,
    registered: a?.registered ?? DEFAULT_REGISTERED[language],
    registeredWithoutNumber: a?.registered_without_number ?? DEFAULT_REGISTERED_WITHOUT[language],
  };
}

export interface Signer {
  readonly name: string;
  readonly title: string | null;
}

/** "Karin, kommunikatör" from "{förnamn}, {titel}"; an empty value takes its separator with it. */
export function renderSignature(templateText: string, who: Signer): string {
  const first = who.name.trim().split(/\s+/)[0] ?? '';
  const values: Record<string, string> = { förnamn: first, first_name: first, namn: who.name.trim(), name: who.name.trim(), titel: who.title?.trim() ?? '', title: who.title?.trim() ?? '' };
  return templateText
    .replace(PLACEHOLDER, (_, p: string) => values[p] ?? '')
    .replace(/(?:[,;–—-]\s*)+$/u, '')
    .replace(/^\s*(?:[,;–—-]\s*)+/u, '')
    .replace(/\s*,\s*,/g, ',')
    .trim();
}

/** The registration message: the template with the case number, or the one without. */
export function renderRegistered(a: AnswerPolicy, caseNumber: string | null): string {
  if (caseNumber === null || caseNumber.trim() === '') return a.registeredWithoutNumber;
  return a.registered.replace(PLACEHOLDER, (m, p: string) => ((CASE_PLACEHOLDERS as readonly string[]).includes(p) ? caseNumber.trim() : m));
}

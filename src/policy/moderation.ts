/**
 * The policy's `moderation:` section: per reason, whether removed material must be registered
 * (Gotland: "Avpublicerat eller raderat material måste sparas och registreras … Även reklam ska
 * avpubliceras, men behöver inte sparas och registreras") and whether a police report should be
 * considered (Hofors 2.6: "i förekommande fall aktualisera polisanmälan"; Hofors 3: uppvigling, hets
 * mot folkgrupp, barnpornografibrott, olaga våldsskildring, upphovsrättsintrång), and the message a
 * citizen gets when personal data is moved to the registry (Hofors 3.2, Nässjö 20).
 *
 *   moderation:
 *     reasons:
 *       reklam/spam: { register: false }       # a reason's name or short form (spam, hate-speech, …)
 *       personangrepp: { police: true }
 *     secure_channel: "Vi har tagit bort ditt inlägg eftersom det innehöll personuppgifter. …"
 *
 * Defaults: src/inquiries/reasons.ts (every reason but advertising, commercial messages and campaigns
 * is registered; hets mot folkgrupp, olaga hot, barnpornografi, uppvigling, olaga våldsskildring,
 * upphovsrättsintrång and uppmaning till brott ask about a police report). Pure: no I/O.
 */
import * as z from 'zod';
import { CLOSE_REASONS, type CloseReason } from '../inquiries/model.js';
import { canonicalReason, REASONS } from '../inquiries/reasons.js';
import { didYouMean } from './did-you-mean.js';

export interface ReasonRule {
  readonly register: boolean;
  readonly police: boolean;
}

export interface ModerationPolicy {
  readonly reasons: ReadonlyMap<CloseReason, ReasonRule>;
  /** the answer to a citizen whose personal data was hidden and moved to the registry (a secure channel) */
  readonly secureChannel: string;
}

const DEFAULT_SECURE_CHANNEL = {
  sv: 'Hej! Vi har dolt ditt inlägg eftersom det innehöll personuppgifter, och din fråga handläggs nu som ett ärende hos oss. Skriv inte personuppgifter här. Kontakta oss i stället via e-post eller telefon, så hjälper vi dig där.',
  en: 'Hello! We have hidden your post because it contained personal data, and your question is now handled as a case. Please do not write personal data here. Contact us by e-mail or phone instead, and we will help you there.',
} as const;

const rule = z.strictObject({
  register: z.boolean({ message: 'register must be true or false' }).optional(),
  police: z.boolean({ message: 'police must be true or false' }).optional(),
});

export const moderationSchema = z.strictObject({
  reasons: z
    .record(z.string(), rule)
    .superRefine((byReason, ctx) => {
      for (const name of Object.keys(byReason)) {
        if (canonicalReason(name) === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not one of the guidelines' reasons${didYouMean(name, CLOSE_REASONS)}; known: ${CLOSE_REASONS.join(', ')}` });
      }
    })
    .default({}),
  secure_channel: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').optional(),
});

export type ModerationInput = z.output<typeof moderationSchema>;

export function compileModeration(m: ModerationInput | undefined, language: 'sv' | 'en'): ModerationPolicy {
  const reasons = new Map<CloseReason, ReasonRule>(CLOSE_REASONS.map((r) => [r, { register: REASONS[r].register, police: REASONS[r].police }]));
  for (const [name, r] of Object.entries(m?.reasons ?? {})) {
    const reason = canonicalReason(name)!;
    const base = reasons.get(reason)!;
    reasons.set(reason, { register: r.register ?? base.register, police: r.police ?? base.police });
  }
  return { reasons, secureChannel: m?.secure_channel ?? DEFAULT_SECURE_CHANNEL[language] };
}

/** The rule for a reason under a policy (the guidelines' defaults when the policy has no section). */
export function reasonRule(policy: { readonly moderation?: ModerationPolicy } | undefined, reason: CloseReason): ReasonRule {
  return policy?.moderation?.reasons.get(reason) ?? { register: REASONS[reason].register, police: REASONS[reason].police };
}

/**
 * Telling the citizen that their matter is registered (Nässjö 12: "Ansvarig administratör svarar i
 * så fall invånaren att detta sker"): the policy's template, with the case number when there is one,
 * followed by the officer's signature. Posted as an answer of kind 'registration' (post-answer.ts):
 * a registered question whose citizen has been told counts as answered; one registered without
 * telling keeps its deadline and reminders like any other unanswered question.
 */
import { renderRegistered, type AnswerPolicy, type Signer } from '../policy/index.js';
import { signatureOf } from './text-rules.js';

export function registrationPrefill(policy: AnswerPolicy, who: Signer, caseNumber: string | null): string {
  const message = renderRegistered(policy, caseNumber);
  const sig = signatureOf(policy, who);
  return sig === null ? message : `${message}\n\n${sig}`;
}

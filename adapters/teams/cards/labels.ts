/** The words on the Teams cards' buttons and inputs, Swedish by default, English by policy. */
import type { Language } from '../../../src/commands/index.js';

export const LABELS = {
  sv: {
    claim: 'Ta frågan',
    forward: 'Skicka vidare',
    forwardTo: 'Till vem?',
    forwardToMissing: 'Välj vem frågan ska skickas till.',
    forwardReason: 'Motivering (valfri)',
    forwardSubmit: 'Skicka',
    done: 'Besvarad',
    close: 'Stäng',
    closeReason: 'Skäl',
    closeReasonMissing: 'Välj ett skäl ur riktlinjernas lista.',
    closeNote: 'Anteckning (valfri)',
    closeSubmit: 'Stäng frågan',
    register: 'Diarieför',
    caseNumber: 'Diarienummer (valfritt)',
    registerSubmit: 'Diarieför',
    imageMissing: 'Bilden fick inte plats i meddelandet.',
    badAction: 'Jag förstod inte knappen. Skriv hjälp för att se vad jag kan.',
  },
  en: {
    claim: 'Claim',
    forward: 'Forward',
    forwardTo: 'To whom?',
    forwardToMissing: 'Choose who the question should go to.',
    forwardReason: 'Reason (optional)',
    forwardSubmit: 'Forward',
    done: 'Answered',
    close: 'Close',
    closeReason: 'Reason',
    closeReasonMissing: "Choose a reason from the guidelines' list.",
    closeNote: 'Note (optional)',
    closeSubmit: 'Close the question',
    register: 'Register',
    caseNumber: 'Case number (optional)',
    registerSubmit: 'Register',
    imageMissing: 'The picture did not fit in the message.',
    badAction: "I didn't understand that button. Type help to see what I can do.",
  },
} satisfies Record<Language, Record<string, string>>;

export type Labels = (typeof LABELS)[Language];

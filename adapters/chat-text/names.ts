/**
 * Names of channels and personal-data kinds as a person reads them, and list joining.
 * Channel kinds are the policy's (src/policy/vocabulary.ts); an unknown kind is shown as given.
 */
import type { Language } from './message.js';

interface ChannelText {
  /** "Facebook", "bloggen" */
  readonly name: string;
  /** with its preposition: "på Facebook", "i bloggen", "via e-post" */
  readonly at: string;
}

const CHANNELS: Record<Language, Readonly<Record<string, ChannelText>>> = {
  sv: {
    facebook: { name: 'Facebook', at: 'på Facebook' },
    messenger: { name: 'Messenger', at: 'i Messenger' },
    instagram: { name: 'Instagram', at: 'på Instagram' },
    x: { name: 'X', at: 'på X' },
    blog: { name: 'bloggen', at: 'i bloggen' },
    chat: { name: 'chatten', at: 'i chatten' },
    email: { name: 'e-post', at: 'via e-post' },
    web: { name: 'webben', at: 'på webben' },
    youtube: { name: 'YouTube', at: 'på YouTube' },
    linkedin: { name: 'LinkedIn', at: 'på LinkedIn' },
    tiktok: { name: 'TikTok', at: 'på TikTok' },
  },
  en: {
    facebook: { name: 'Facebook', at: 'on Facebook' },
    messenger: { name: 'Messenger', at: 'in Messenger' },
    instagram: { name: 'Instagram', at: 'on Instagram' },
    x: { name: 'X', at: 'on X' },
    blog: { name: 'the blog', at: 'on the blog' },
    chat: { name: 'the chat', at: 'in the chat' },
    email: { name: 'email', at: 'by email' },
    web: { name: 'the web', at: 'on the web' },
    youtube: { name: 'YouTube', at: 'on YouTube' },
    linkedin: { name: 'LinkedIn', at: 'on LinkedIn' },
    tiktok: { name: 'TikTok', at: 'on TikTok' },
  },
};

function channel(kind: string, lang: Language): ChannelText {
  const known = Object.hasOwn(CHANNELS[lang], kind) ? CHANNELS[lang][kind] : undefined;
  return known ?? { name: kind, at: lang === 'en' ? `in the channel ${kind}` : `i kanalen ${kind}` };
}

/** "Facebook", "bloggen", "chatten", "e-post", "webben". */
export function channelName(kind: string, lang: Language): string {
  return channel(kind, lang).name;
}

/** "på Facebook", "i bloggen", "via e-post". */
export function onChannel(kind: string, lang: Language): string {
  return channel(kind, lang).at;
}

/** Kinds from src/inquiries/personal-data (PERSONAL_DATA_KINDS). */
const PERSONAL_DATA: Record<Language, Readonly<Record<string, string>>> = {
  sv: { personnummer: 'personnummer', samordningsnummer: 'samordningsnummer', phone: 'telefonnummer', email: 'e-postadress' },
  en: { personnummer: 'personal identity number', samordningsnummer: 'coordination number', phone: 'phone number', email: 'email address' },
};

/** "personnummer", "telefonnummer", "e-postadress"; an unknown kind as given. */
export function personalDataName(kind: string, lang: Language): string {
  return (Object.hasOwn(PERSONAL_DATA[lang], kind) ? PERSONAL_DATA[lang][kind] : undefined) ?? kind;
}

/** "a", "a och b", "a, b och c" ("a, b and c"). */
export function joinList(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'och'} ${items[items.length - 1]}`;
}

/** "personnummer och telefonnummer": each kind once, in the order found. */
export function personalDataList(kinds: readonly string[], lang: Language): string {
  return joinList([...new Set(kinds.map((k) => personalDataName(k, lang)))], lang);
}

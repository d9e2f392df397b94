/**
 * Names of channels and personal-data kinds as a person reads them (the text catalogue's), and list
 * joining. Channel kinds are the policy's (src/policy/vocabulary.ts); an unknown kind is shown as given.
 */
import { joinList } from '../../src/texts/join.js';
import { texts } from '../../src/texts/index.js';
import type { Language } from './message.js';

function channel(kind: string, lang: Language): { readonly name: string; readonly at: string } {
  const t = texts(lang);
  return (Object.hasOwn(t.channels, kind) ? t.channels[kind] : undefined) ?? t.otherChannel(kind);
}

/** "Facebook", "bloggen", "chatten", "e-post", "webben". */
export function channelName(kind: string, lang: Language): string {
  return channel(kind, lang).name;
}

/** "på Facebook", "i bloggen", "via e-post". */
export function onChannel(kind: string, lang: Language): string {
  return channel(kind, lang).at;
}

/** "personnummer", "telefonnummer", "e-postadress" (kinds from src/inquiries/personal-data); an unknown kind as given. */
export function personalDataName(kind: string, lang: Language): string {
  const names = texts(lang).personalData;
  return (Object.hasOwn(names, kind) ? names[kind] : undefined) ?? kind;
}

export { joinList } from '../../src/texts/join.js';

/** "personnummer och telefonnummer": each kind once, in the order found. */
export function personalDataList(kinds: readonly string[], lang: Language): string {
  return joinList([...new Set(kinds.map((k) => personalDataName(k, lang)))], lang);
}

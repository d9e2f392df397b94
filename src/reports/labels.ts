/** Channel names in reports (pure), as the chat text names them: "Facebook", "X", "bloggen". */
import type { Language } from './format.js';

const NAMES: Record<Language, Readonly<Record<string, string>>> = {
  sv: { facebook: 'Facebook', messenger: 'Messenger', instagram: 'Instagram', instagram_dm: 'Instagram (direktmeddelande)', instagram_mention: 'Instagram (omnämnande)', x: 'X', blog: 'Bloggen', chat: 'Chatten', email: 'E-post', web: 'Webben', youtube: 'YouTube', linkedin: 'LinkedIn', tiktok: 'TikTok' },
  en: { facebook: 'Facebook', messenger: 'Messenger', instagram: 'Instagram', instagram_dm: 'Instagram (direct message)', instagram_mention: 'Instagram (mention)', x: 'X', blog: 'Blog', chat: 'Chat', email: 'Email', web: 'Web', youtube: 'YouTube', linkedin: 'LinkedIn', tiktok: 'TikTok' },
};

export function channelLabel(kind: string, lang: Language): string {
  return (Object.hasOwn(NAMES[lang], kind) ? NAMES[lang][kind] : undefined) ?? kind;
}

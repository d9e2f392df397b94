/** The words a policy may use, for validation and "did you mean" hints. */
export const CHANNEL_KINDS = [
  'facebook', 'messenger', 'instagram', 'instagram_dm', 'instagram_mention', 'x', 'blog', 'chat', 'email', 'youtube', 'linkedin', 'tiktok', 'web',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * The platform whose own verified webhook and API serve a channel (Meta: Facebook pages, Messenger,
 * Instagram comments, Instagram direct messages, Instagram mentions; X). Facebook page mentions and
 * visitor posts are channel `facebook`. Messages of these channels never come from a generic source, and their accounts
 * can carry platform credentials. Channels not listed are served by generic sources.
 */
export const CHANNEL_PLATFORM: Readonly<Partial<Record<ChannelKind, 'meta' | 'x'>>> = {
  facebook: 'meta', messenger: 'meta', instagram: 'meta', instagram_dm: 'meta', instagram_mention: 'meta', x: 'x',
};

/**
 * A channel served by another channel's account when the directory has no account of its own: an
 * Instagram direct message or mention reaches the Instagram account (its `instagram` entry in the
 * directory), and when the policy gives the channel no rule of its own, the parent's rule applies.
 */
export const CHANNEL_PARENT: Readonly<Partial<Record<ChannelKind, ChannelKind>>> = { instagram_dm: 'instagram', instagram_mention: 'instagram' };

export const parentChannel = (channel: string): ChannelKind | undefined => CHANNEL_PARENT[channel as ChannelKind];

/** Channels whose every message is private (a conversation with one citizen, named by the citizen's id). X DMs share channel x with public posts: the adapter names their conversation. */
export const PRIVATE_CHANNELS: readonly ChannelKind[] = ['messenger', 'instagram_dm'];

export const platformOf = (channel: string): 'meta' | 'x' | undefined => CHANNEL_PLATFORM[channel as ChannelKind];

/** Hints for well-known names that are not channel kinds. */
export const CHANNEL_ALIASES: Readonly<Record<string, ChannelKind>> = { twitter: 'x', blogg: 'blog', 'e-post': 'email', epost: 'email', webb: 'web' };

export const RECIPIENTS = ['assignee', 'substitute', 'manager', 'managers'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** Known keys per object in the policy, by path pattern ('*' = any map key or list index). */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': ['organization', 'timezone', 'language', 'calendar', 'channels', 'reminders', 'digest', 'summary', 'retention', 'answer', 'moderation'],
  calendar: ['hours', 'closed', 'shortened', 'closed_dates'],
  'channels.*': ['respond_within'],
  'reminders.*': ['at', 'before_deadline', 'after_deadline', 'to'],
  digest: ['daily_at'],
  summary: ['weekly_at', 'to', 'yearly'],
  'summary.yearly': ['working_day', 'at'],
  retention: ['text_after'],
  answer: ['signature', 'required', 'limits', 'registered', 'registered_without_number'],
  moderation: ['reasons', 'secure_channel'],
  'moderation.reasons.*': ['register', 'police'],
};

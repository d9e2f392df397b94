/**
 * Where the bot can reach a person later (proactive reminders): the conversation reference of their
 * personal (1:1) chat with the bot, kept in the database under their Teams user id (29:…) and their
 * Entra object id, since the directory may name a person by either. Only personal chats are kept: a
 * reminder must never go to a channel because an officer once wrote there.
 *
 * Personal or not is decided from the conversation itself, not from `conversationType` alone (older
 * activities and some clients send none): a channel is named by channelData.channel / .team (or the
 * older teamsChannelId / teamsTeamId) or has a `19:…@thread…;messageid=…` id; a group chat is
 * `isGroup` or a `19:…@thread…` id. Only what is none of these is personal (Teams' own personal ids
 * are `a:…` or `8:…`; the Bot Framework Emulator's are plain GUIDs).
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationPort } from '../../src/chat/adapter.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

const THREAD = /^19:.+@thread\./i;

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const c = activity.conversation;
  const type = c?.conversationType;
  if (type === 'personal' || type === 'channel' || type === 'groupChat') return type;
  const data = (activity.channelData ?? {}) as { channel?: { id?: unknown }; team?: { id?: unknown }; teamsChannelId?: unknown; teamsTeamId?: unknown };
  const id = c?.id ?? '';
  if (data.channel?.id || data.team?.id || data.teamsChannelId || data.teamsTeamId || (THREAD.test(id) && id.includes(';messageid='))) return 'channel';
  if (c?.isGroup === true || THREAD.test(id)) return 'groupChat';
  // an unknown conversationType is not assumed personal either
  return type === undefined ? 'personal' : 'groupChat';
}

export function isPersonal(activity: Partial<Activity>): boolean {
  return conversationKind(activity) === 'personal';
}

/** The ids a person's reference is kept under. */
export function userKeys(activity: Partial<Activity>): string[] {
  const keys = [activity.from?.id, activity.from?.aadObjectId].filter((k): k is string => typeof k === 'string' && k !== '');
  return [...new Set(keys)];
}

export async function saveReference(conversations: ConversationPort, activity: Partial<Activity>, now: number): Promise<boolean> {
  if (!isPersonal(activity)) return false;
  const reference = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
  delete reference.activityId;
  for (const key of userKeys(activity)) await conversations.save('teams', key, reference as Record<string, unknown>, now);
  return true;
}

/** Whether a conversationUpdate says the bot itself was added (installed) here. */
export function botWasAdded(activity: Partial<Activity>): boolean {
  return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

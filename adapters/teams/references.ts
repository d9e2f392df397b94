/**
 * Where the bot can reach a person later (proactive reminders): the conversation reference of their
 * personal (1:1) chat with the bot, kept in the database under their Teams user id (29:…) and their
 * Entra object id, since the directory may name a person by either. Only personal chats are kept: a
 * reminder must never go to a channel because an officer once wrote there.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationPort } from '../../src/chat/adapter.js';

export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  // the Bot Framework Emulator sends no conversationType; Teams always does
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
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

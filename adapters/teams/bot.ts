/**
 * One Teams turn: translate the activity into the chat service's terms and its reply back into
 * Teams, nothing else. A message's text is a command (the bot's own @mention in a channel removed);
 * a message whose `value` comes from a card button is that button's command, and its answer updates
 * the card in place (PUT …/activities/{replyToId}). Every personal message and every installation
 * stores where the person can be reached for reminders.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import type { ChatRuntime } from '../../src/chat/adapter.js';
import type { ChatUser } from '../../src/chat/types.js';
import type { Person } from '../../src/reminders/model.js';
import { isCardAction, parseCardAction } from './card-action.js';
import { LABELS } from './cards/labels.js';
import { botWasAdded, saveReference } from './references.js';
import { inquiryCardActivity, plainText, replyActivity } from './replies.js';

/**
 * What a failed turn throws to botbuilder, which prints it with console.error: no cause and no
 * message of the original (it may quote bound values, personal data), only whether the database was
 * away, for the route's 503.
 */
export class TurnFailedError extends Error {
  override readonly name = 'TurnFailedError';
  constructor(readonly databaseUnavailable: boolean) {
    super('the turn failed; see the svarstid log');
  }
}

export class TeamsBot {
  constructor(private readonly runtime: ChatRuntime) {}

  /** The turn's logic for CloudAdapter.process; a failure is logged and answered 500, and the turn may be redelivered. */
  readonly onTurn = async (context: TurnContext): Promise<void> => {
    const a = context.activity;
    const now = this.runtime.now();
    // a redelivered activity (same conversation and id), to this or another instance, is not run again
    const key = a.id ? `${a.conversation?.id ?? ''} ${a.id}` : undefined;
    if (key !== undefined && !(await this.runtime.deliveries.first('teams', key, now))) return;
    try {
      await this.dispatch(context, now);
    } catch (e) {
      if (key !== undefined) await this.runtime.deliveries.forget('teams', key).catch(() => {});
      this.runtime.logger.error({ err: e, activity: a.id, type: a.type }, 'Teams turn failed');
      throw new TurnFailedError(isDatabaseUnavailable(e));
    }
  };

  private async dispatch(context: TurnContext, now: number): Promise<void> {
    const a = context.activity;
    switch (a.type) {
      case ActivityTypes.Message:
        await saveReference(this.runtime.conversations, a, now);
        if (isCardAction(a.value)) return this.cardAction(context, now);
        return this.command(context, now);
      case ActivityTypes.ConversationUpdate:
        if (botWasAdded(a)) await saveReference(this.runtime.conversations, a, now);
        return;
      case ActivityTypes.InstallationUpdate:
        if (a.action === 'add' || a.action === 'add-upgrade') await saveReference(this.runtime.conversations, a, now);
        return;
      default:
        return; // typing, reactions, message updates…: nothing to do
    }
  }

  private user(context: TurnContext): ChatUser {
    const from = context.activity.from;
    return { platform: 'teams', id: from.id, ...(from.aadObjectId && { aadObjectId: from.aadObjectId }) };
  }

  private async forwardeesOf(user: ChatUser): Promise<Person[]> {
    const person = await this.runtime.chat.identify(user);
    return person ? this.runtime.chat.forwardees(person) : [];
  }

  private async command(context: TurnContext, now: number): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    const user = this.user(context);
    const reply = await this.runtime.chat.handleText(user, text, now);
    const forwardees = reply.kind === 'acted' ? await this.forwardeesOf(user) : [];
    await context.sendActivity(replyActivity(reply, forwardees, now));
  }

  private async cardAction(context: TurnContext, now: number): Promise<void> {
    const user = this.user(context);
    const person = await this.runtime.chat.identify(user);
    if (!person) return void (await context.sendActivity(replyActivity(this.runtime.chat.unknownUser(user), [], now)));
    const parsed = parseCardAction(context.activity.value);
    if (!parsed.ok) {
      const t = LABELS[this.runtime.chat.languageOf(person)];
      const text = parsed.problem === 'missing_person' ? t.forwardToMissing : parsed.problem === 'missing_reason' ? t.closeReasonMissing : t.badAction;
      return void (await context.sendActivity(plainText(text)));
    }
    const reply = await this.runtime.chat.handle(user, parsed.command, now);
    if (reply.kind !== 'acted') return void (await context.sendActivity(replyActivity(reply, [], now)));
    const card = inquiryCardActivity(reply.text, reply.card, await this.runtime.chat.forwardees(person), now);
    const replyToId = context.activity.replyToId;
    if (replyToId) await context.updateActivity({ ...card, id: replyToId });
    else await context.sendActivity(card);
  }
}

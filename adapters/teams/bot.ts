/**
 * One Teams turn: translate the activity into the chat service's terms and its reply back into
 * Teams, nothing else. A message's text is a command (the bot's own @mention in a channel removed);
 * a message whose `value` comes from a card button is that button's command, and its answer updates
 * the card in place (PUT …/activities/{replyToId}). Two invokes are answered in the HTTP response:
 * `application/search` (the forward picker's typeahead) and `adaptiveCard/action` (a Universal
 * Actions button, Action.Execute: the same commands as the cards' Action.Submit, answered with the
 * updated card). Any other invoke is answered 400 naming it. Every personal message and every
 * installation stores where the person can be reached for reminders.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { summarizeError } from '../../src/log/summary.js';
import type { ChatRuntime } from '../../src/chat/adapter.js';
import type { ChatReply, ChatUser } from '../../src/chat/types.js';
import type { Person } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { isCardAction, parseCardAction } from './card-action.js';
import { dispatchInvoke, invokeResponse } from './invokes.js';
import { botWasAdded, saveReference } from './references.js';
import { inquiryCardActivity, plainText, queueActivity, replyActivity, type OutgoingActivity } from './replies.js';

/** What a button's command came to: the activity to show, and whether it replaces the card. */
export interface ButtonOutcome {
  readonly activity: OutgoingActivity;
  /** the card itself changes (an inquiry after an action, another page): update it in place */
  readonly replacesCard: boolean;
  /** the value is not one of svarstid's buttons */
  readonly foreign?: true;
}

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
  constructor(
    private readonly runtime: ChatRuntime,
    /** tenant id → organization (SVARSTID_TEAMS_TENANTS); undefined: no bindings */
    private readonly tenants?: Readonly<Record<string, string>>,
  ) {}

  /** The activity's Entra tenant, as Teams sends it. */
  private tenantOf(context: TurnContext): string | undefined {
    const a = context.activity;
    const fromChannel = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
    const id = typeof fromChannel === 'string' ? fromChannel : a.conversation?.tenantId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  }

  /** With bindings: the tenant's organization, or null when the tenant is not bound. */
  private tenantOrg(context: TurnContext): string | null | undefined {
    if (!this.tenants) return undefined;
    const t = this.tenantOf(context);
    return t !== undefined && Object.hasOwn(this.tenants, t) ? this.tenants[t]! : null;
  }

  /** The turn's logic for CloudAdapter.process; a failure is logged and answered 500, and the turn may be redelivered. */
  readonly onTurn = async (context: TurnContext): Promise<void> => {
    const a = context.activity;
    const now = this.runtime.now();
    // a redelivered activity (same conversation and id), to this or another instance, is not run again;
    // a search is only a read, so it is answered each time
    const key = a.id && !(a.type === ActivityTypes.Invoke && a.name === 'application/search') ? `${a.conversation?.id ?? ''} ${a.id}` : undefined;
    if (key !== undefined && !(await this.runtime.deliveries.first('teams', key, now))) {
      if (a.type === ActivityTypes.Invoke) {
        const lang = this.runtime.chat.languageOf(await this.runtime.chat.identify(this.user(context)));
        await invokeResponse(context, 200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: texts(lang).teams.alreadyDone });
      }
      return;
    }
    if (this.tenantOrg(context) === null && (a.type === ActivityTypes.Message || a.type === ActivityTypes.Invoke)) {
      // a tenant no organization is bound to: nothing is looked up or changed
      const text = texts('sv').teams.unboundTenant;
      if (a.type === ActivityTypes.Invoke) await invokeResponse(context, 200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
      else await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'plain' });
      return;
    }
    try {
      await this.dispatch(context, now);
    } catch (e) {
      if (key !== undefined) await this.runtime.deliveries.forget('teams', key).catch(() => {});
      // its class, code and frames only: a connector's 400 quotes the activity it refused (src/http/failure.ts)
      this.runtime.logger.error({ error: summarizeError(e), activity: a.id, type: a.type }, 'Teams turn failed');
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
      case ActivityTypes.Invoke:
        return dispatchInvoke(this, context, now);
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

  get chat(): ChatRuntime['chat'] {
    return this.runtime.chat;
  }

  user(context: TurnContext): ChatUser {
    const from = context.activity.from;
    const orgId = this.tenantOrg(context);
    return { platform: 'teams', id: from.id, ...(from.aadObjectId && { aadObjectId: from.aadObjectId }), ...(orgId && { orgId }) };
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

  /**
   * A button's value (Action.Submit data with the inputs, or Action.Execute's data) run as the chat
   * service's command: the inquiry's card after it, the queue's next page, or a text to show.
   */
  async button(user: ChatUser, value: unknown, now: number): Promise<ButtonOutcome> {
    // the shape first: a value that is not svarstid's is foreign whoever sends it
    const parsed = parseCardAction(value);
    const person = await this.runtime.chat.identify(user);
    const lang = this.runtime.chat.languageOf(person);
    if (!parsed.ok && parsed.problem === 'bad_action') return { activity: plainText(texts(lang).teams.badAction), replacesCard: false, foreign: true };
    if (!person) return { activity: replyActivity(await this.runtime.chat.unknownUser(user), [], now), replacesCard: false };
    if (!parsed.ok) return { activity: plainText(parsed.message(lang)), replacesCard: false };
    if ('page' in parsed) return { activity: queueActivity(await this.runtime.chat.queue(person, now), parsed.page), replacesCard: true };
    const reply: ChatReply = await this.runtime.chat.handle(user, parsed.command, now);
    if (reply.kind !== 'acted') return { activity: replyActivity(reply, [], now), replacesCard: false };
    return { activity: inquiryCardActivity(reply.text, reply.card, await this.runtime.chat.forwardees(person), now), replacesCard: true };
  }

  private async cardAction(context: TurnContext, now: number): Promise<void> {
    const outcome = await this.button(this.user(context), context.activity.value, now);
    const replyToId = context.activity.replyToId;
    if (outcome.replacesCard && replyToId) await context.updateActivity({ ...outcome.activity, id: replyToId });
    else await context.sendActivity(outcome.activity);
  }
}

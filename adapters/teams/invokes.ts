/**
 * The invoke activities the bot answers, in the HTTP response (botbuilder: an `invokeResponse`
 * activity; CloudAdapter answers 501 to an invoke left without one, so every invoke gets an answer):
 *
 * - `application/search`: the forward picker's dynamic typeahead (msteams-docs task-modules-and-cards/
 *   cards/dynamic-search.md). Request value `{ queryText, queryOptions: { skip, top }, dataset }`;
 *   answer `{ type: "application/vnd.microsoft.search.searchResponse", value: { results: [{ title,
 *   value }] } }`, at most 15 results.
 * - `adaptiveCard/action`: Universal Actions (Action.Execute; msteams-docs …/universal-actions-for-
 *   adaptive-cards/work-with-universal-actions-for-adaptive-cards.md). svarstid's own cards use
 *   Action.Submit, which Teams delivers as a message, but a card with Action.Execute (a later card,
 *   or Outlook) is handled the same way: `value.action.data` (the verb when data names no action),
 *   answered `{ statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: <the
 *   updated card> }`, or a message type with the text to show; a value that is not svarstid's is
 *   HTTP 400 with the error type (and `error: "invalid_action"` for the edge's error format).
 * - anything else: 400 `{ error: "unsupported_activity", message }`.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { CARD_CONTENT_TYPE } from './cards/content-type.js';
import { DATASET, searchPeople } from './people.js';
import type { TeamsBot } from './bot.js';

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function invokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

const message = (text: string) => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });

async function search(bot: TeamsBot, context: TurnContext): Promise<unknown> {
  const v = isObject(context.activity.value) ? context.activity.value : {};
  if (v.dataset !== DATASET) return { type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: `svarstid searches only the dataset ${DATASET}` } };
  const user = bot.user(context);
  const person = await bot.chat.identify(user);
  if (!person) return { type: 'application/vnd.microsoft.error', value: { code: 'Unauthorized', message: (await bot.chat.unknownUser(user)).text } };
  const options = isObject(v.queryOptions) ? v.queryOptions : {};
  const results = searchPeople(await bot.chat.forwardees(person), typeof v.queryText === 'string' ? v.queryText.slice(0, 200) : '', Number(options.skip ?? 0), Number(options.top ?? 15));
  return { type: 'application/vnd.microsoft.search.searchResponse', value: { results } };
}

/**
 * A value that is not one of svarstid's buttons: HTTP 400 (as botbuilder answers an
 * InvokeException) with Universal Actions' error body, and the edge's `{error, message}` beside it.
 */
function foreign(text: string): { status: number; body: unknown } {
  return { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: text }, error: 'invalid_action', message: 'the Action.Execute names no svarstid action with an inquiry' } };
}

async function universalAction(bot: TeamsBot, context: TurnContext, now: number): Promise<{ status: number; body: unknown }> {
  const action = isObject(context.activity.value) && isObject(context.activity.value.action) ? context.activity.value.action : {};
  const data = isObject(action.data) ? action.data : {};
  const value = 'svarstid' in data ? data : { ...data, svarstid: action.verb };
  const outcome = await bot.button(bot.user(context), value, now);
  const card = outcome.activity.attachments?.[0];
  if (outcome.replacesCard && card?.contentType === CARD_CONTENT_TYPE) return { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: card.content } };
  const text = outcome.activity.text ?? '';
  return outcome.foreign ? foreign(text) : { status: 200, body: message(text) };
}

export async function dispatchInvoke(bot: TeamsBot, context: TurnContext, now: number): Promise<void> {
  switch (context.activity.name) {
    case 'application/search':
      return invokeResponse(context, 200, await search(bot, context));
    case 'adaptiveCard/action': {
      const { status, body } = await universalAction(bot, context, now);
      return invokeResponse(context, status, body);
    }
    default:
      return invokeResponse(context, 400, { error: 'unsupported_activity', message: `svarstid does not handle the invoke ${JSON.stringify(String(context.activity.name ?? '')).slice(0, 100)}` });
  }
}

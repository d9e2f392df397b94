/**
 * The Bolt listeners of one workspace. Each acks first and then works (Slack wants an answer within
 * 3 s): the slash command's text goes to the chat service's parser, a button or modal becomes a typed
 * ChatCommand (chat-text's dialogCommand, the same as Teams'); the reply goes back as described in
 * followup.ts. No rule is decided here.
 */
import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import { INQUIRY_ACTIONS, type InquiryAction } from '../../src/chat/types.js';
import { SLASH_COMMAND as SLASH, texts } from '../../src/texts/index.js';
import { decodePages } from '../chat-text/index.js';
import { dialogCommand, DIALOGS } from '../chat-text/dialogs.js';
import { afterAction, publishHome, respondTo, safely, tell, type Origin } from './followup.js';
import { ACTION_PREFIX, inquiryOfBlock } from './inquiry-blocks.js';
import { actionOfCallback, decodeOrigin, dialogModal, dialogValues, type ModalOrigin } from './modals.js';
import { PAGE_ACTION, pagedSurface } from './pager.js';
import { replyMessage } from './replies.js';
import { chatUser, type Workspace } from './workspace.js';

export const SLASH_COMMAND = SLASH;

type Element = BlockAction['actions'][number];

const INQUIRY_BUTTON = new RegExp(`^${ACTION_PREFIX}(${INQUIRY_ACTIONS.join('|')})$`);

/** The inquiry a button is about: the button's value, else the actions block's id. */
function inquiryOf(a: Element): number | undefined {
  const value = 'value' in a && typeof a.value === 'string' ? Number(a.value) : NaN;
  if (Number.isSafeInteger(value) && value > 0) return value;
  return inquiryOfBlock(a.block_id);
}

function originOf(body: BlockAction): Origin {
  const c = body.container as { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean } | undefined;
  const channel = c?.channel_id ?? body.channel?.id;
  const ts = c?.message_ts ?? body.message?.ts;
  const onMessage = c?.type === 'message' && !c.is_ephemeral && channel && ts;
  return { ...(onMessage && { channel, ts }), ...(body.response_url && { responseUrl: body.response_url }) };
}

export function registerListeners(app: App, ws: Workspace): void {
  const { chat, now } = ws.runtime;

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    await ack();
    await safely(ws, 'slash command', async () => {
      const reply = await chat.handleText(chatUser(ws, command.user_id), command.text ?? '', now());
      await respondTo(command.response_url, replyMessage(reply, now()));
      if (reply.kind === 'acted') await publishHome(ws, command.user_id, reply.text);
    });
  });

  app.action<BlockAction>(INQUIRY_BUTTON, async ({ body, action, ack }) => {
    await ack();
    const userId = body.user.id;
    const origin = originOf(body);
    const kind = action.action_id.slice(ACTION_PREFIX.length) as InquiryAction;
    const inquiryId = inquiryOf(action);
    await safely(ws, `button ${kind}`, async () => {
      if (inquiryId === undefined) throw new Error(`button ${action.action_id} names no inquiry`);
      const user = chatUser(ws, userId);
      if (DIALOGS[kind]) {
        const person = await chat.identify(user);
        if (!person) return tell(ws, userId, await chat.unknownUser(user), origin);
        const modalOrigin: ModalOrigin = { inquiryId, ...(origin.channel && origin.ts && { channel: origin.channel, ts: origin.ts }) };
        // the answer dialog starts with the officer's signature; an account svarstid cannot answer on says why instead
        const answer = kind === 'answer' ? await chat.answerability(inquiryId, person) : undefined;
        if (kind === 'answer' && !answer?.ok) return tell(ws, userId, { kind: 'refused', code: 'answer_refused', text: answer?.ok === false ? answer.reason : texts(chat.languageOf(person)).answering.not_supported, language: chat.languageOf(person) }, origin);
        await ws.api.views.open({ trigger_id: body.trigger_id, view: dialogModal(kind, modalOrigin, chat.languageOf(person), answer?.ok ? answer.prefill : undefined) });
        return;
      }
      const result = dialogCommand(kind, inquiryId);
      if (!result.ok) throw new Error(`button ${kind} without its dialog`);
      await afterAction(ws, userId, await chat.handle(user, result.command, now()), origin);
    });
  });

  app.action<BlockAction>(PAGE_ACTION, async ({ body, action, ack }) => {
    await ack();
    const pages = decodePages('value' in action ? action.value : undefined);
    await safely(ws, 'page', async () => {
      if (pagedSurface(action.action_id) === 'home') return publishHome(ws, body.user.id, undefined, pages);
      if (!body.response_url) throw new Error('a list page button without a response_url');
      const user = chatUser(ws, body.user.id);
      const person = await chat.identify(user);
      const reply = person ? { kind: 'queue' as const, queue: await chat.queue(person, now()), language: chat.languageOf(person) } : await chat.unknownUser(user);
      await respondTo(body.response_url, { ...replyMessage(reply, now(), pages), replace_original: true });
    });
  });

  // every svarstid modal is acked, one svarstid cannot read too (an old or forged callback id)
  app.view<ViewSubmitAction>(/^svarstid:/, async ({ body, view, ack }) => {
    const action = actionOfCallback(view.callback_id);
    const origin = decodeOrigin(view.private_metadata);
    if (!action || !origin) {
      await ack();
      ws.logger.warn({ callbackId: view.callback_id }, 'Slack: a modal submission svarstid cannot read (callback or private_metadata)');
      return;
    }
    const result = dialogCommand(action, origin.inquiryId, dialogValues(action, view.state.values));
    if (!result.ok) {
      // Slack shows the error under the field; the language travelled in private_metadata
      await ack({ response_action: 'errors', errors: { [result.field]: result.message(origin.lang ?? 'sv') } });
      return;
    }
    await ack();
    await safely(ws, `${action} modal`, async () => {
      await afterAction(ws, body.user.id, await chat.handle(chatUser(ws, body.user.id), result.command, now()), origin);
    });
  });

  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await safely(ws, 'app home', () => publishHome(ws, event.user));
  });
}

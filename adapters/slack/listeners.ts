/**
 * The Bolt listeners of one workspace. Each acks first and then works (Slack wants an answer within
 * 3 s): the slash command's text goes to the chat service's parser, a button or modal becomes a typed
 * ChatCommand; the reply goes back as described in followup.ts. No rule is decided here.
 */
import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { ChatCommand } from '../../src/commands/index.js';
import { CLOSE_REASONS, type CloseReason } from '../../src/inquiries/model.js';
import { afterAction, publishHome, respondTo, safely, tell, type Origin } from './followup.js';
import { ACTION_PREFIX, inquiryOfBlock } from './inquiry-blocks.js';
import { LABELS } from './labels.js';
import { decodeOrigin, FIELDS, FORWARD_VIEW, forwardModal, forwardValues, REGISTER_VIEW, registerModal, registerValues, type ModalOrigin } from './modals.js';
import { replyMessage } from './replies.js';
import { chatUser, type Workspace } from './workspace.js';

export const SLASH_COMMAND = '/svarstid';

type Element = BlockAction['actions'][number];

/** The inquiry a button or select is about: the button's value, else the actions block's id. */
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

  app.action<BlockAction>(new RegExp(`^${ACTION_PREFIX}`), async ({ body, action, ack }) => {
    await ack();
    const userId = body.user.id;
    const origin = originOf(body);
    const kind = action.action_id.slice(ACTION_PREFIX.length);
    const inquiryId = inquiryOf(action);
    await safely(ws, `button ${kind}`, async () => {
      if (inquiryId === undefined) throw new Error(`button ${action.action_id} names no inquiry`);
      if (kind === 'forward' || kind === 'register') {
        const user = chatUser(ws, userId);
        const person = await chat.identify(user);
        if (!person) return tell(ws, userId, chat.unknownUser(user), origin);
        const modalOrigin: ModalOrigin = { inquiryId, ...(origin.channel && origin.ts && { channel: origin.channel, ts: origin.ts }) };
        const view = kind === 'forward' ? forwardModal(modalOrigin, chat.languageOf(person)) : registerModal(modalOrigin, chat.languageOf(person));
        await ws.api.views.open({ trigger_id: body.trigger_id, view });
        return;
      }
      let command: ChatCommand;
      if (kind === 'claim' || kind === 'done') command = { type: kind, inquiryId };
      else if (kind === 'close') {
        const reason = action.type === 'static_select' ? action.selected_option?.value : undefined;
        if (!CLOSE_REASONS.includes(reason as CloseReason)) throw new Error(`close without a known reason: ${String(reason)}`);
        command = { type: 'close', inquiryId, reason: reason as CloseReason };
      } else throw new Error(`unknown action ${action.action_id}`);
      await afterAction(ws, userId, await chat.handle(chatUser(ws, userId), command, now()), origin);
    });
  });

  app.view<ViewSubmitAction>(FORWARD_VIEW, async ({ body, view, ack }) => {
    const picked = forwardValues(view.state.values);
    const origin = decodeOrigin(view.private_metadata);
    if (!picked.userId) {
      await ack({ response_action: 'errors', errors: { [FIELDS.person]: LABELS.sv.choosePerson } });
      return;
    }
    await ack();
    await safely(ws, 'forward modal', async () => {
      if (!origin) throw new Error('forward modal without a valid private_metadata');
      const command: ChatCommand = { type: 'forward', inquiryId: origin.inquiryId, to: { kind: 'slack', userId: picked.userId! }, ...(picked.reason && { reason: picked.reason }) };
      await afterAction(ws, body.user.id, await chat.handle(chatUser(ws, body.user.id), command, now()), origin);
    });
  });

  app.view<ViewSubmitAction>(REGISTER_VIEW, async ({ body, view, ack }) => {
    await ack();
    await safely(ws, 'register modal', async () => {
      const origin = decodeOrigin(view.private_metadata);
      if (!origin) throw new Error('register modal without a valid private_metadata');
      const command: ChatCommand = { type: 'register', inquiryId: origin.inquiryId, ...registerValues(view.state.values) };
      await afterAction(ws, body.user.id, await chat.handle(chatUser(ws, body.user.id), command, now()), origin);
    });
  });

  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await safely(ws, 'app home', () => publishHome(ws, event.user));
  });
}

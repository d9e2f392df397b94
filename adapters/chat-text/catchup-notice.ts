/**
 * Catch-up's notice to an organization's managers (src/catchup): an account whose webhook went
 * silent, a page the app no longer subscribes to, a token that stopped working. Says what happened
 * and what to check; sent once per account and cause until it recovers.
 */
import type { Notification } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { oneLine } from './excerpt.js';
import { rendered, type RenderedMessage } from './message.js';
import { onChannel } from './names.js';

export type CatchupNoticeNotification = Extract<Notification, { type: 'catchup_notice' }>;

export function renderCatchupNotice(n: CatchupNoticeNotification): RenderedMessage {
  const t = texts(n.language).catchup;
  const account = oneLine(n.accountName);
  const tokenCheck = n.platform === 'meta' ? t.check.token_meta : t.check.token_x;
  const lines: Record<CatchupNoticeNotification['cause'], Array<string | undefined>> = {
    webhook_missed: [t.webhookMissed(n.count ?? 1, account, onChannel(n.channel, n.language)), n.platform === 'meta' ? t.check.meta_webhook : t.check.x_webhook],
    unsubscribed: [t.unsubscribed(account), t.check.subscribe],
    token_invalid: [t.tokenInvalid(account), tokenCheck],
    permission: [t.permission(account), tokenCheck],
    credential_missing: [t.credentialMissing(account, oneLine(n.detail ?? '')), tokenCheck],
  };
  return rendered(t.titles[n.cause], [...lines[n.cause], t.recovered]);
}

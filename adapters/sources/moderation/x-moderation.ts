/**
 * Hide through the X API v2, with the account's OAuth 1.0a user token (tweet.moderate.write):
 *   hide    PUT /2/tweets/:id/hidden {hidden: true}   only replies in a conversation the account started
 *   remove  not offered: X lets an account delete only its own posts (DELETE /2/tweets/:id)
 *   DMs     neither
 * The context: the post (with its conversation and the post it replies to) as X has it now.
 */
import type { ArchiveContext, Capability, ModerationAction, ModerationResult, ModerationTarget } from '../../../src/moderation/ports.js';
import { isPlatformError } from '../../../src/platform/errors.js';
import { isXDm } from '../x/answer-poster.js';
import type { XAuth, XClient } from '../x/x-client.js';

export function xCapability(t: ModerationTarget, action: ModerationAction): Capability {
  if (isXDm(t)) return { ok: false, code: 'private_message', message: 'an X direct message cannot be hidden or deleted by the account' };
  if (action === 'remove') return { ok: false, code: 'x_remove', message: 'X lets an account delete only its own posts' };
  return { ok: true, platform: true };
}

export class XModeration {
  constructor(
    private readonly x: XClient,
    private readonly now: () => number,
  ) {}

  async context(t: ModerationTarget, auth: XAuth, now: number): Promise<ArchiveContext> {
    try {
      const r = await this.x.get<{ data?: unknown; includes?: { tweets?: unknown[] } }>(`/2/tweets/${t.externalId}`, { 'tweet.fields': 'id,text,author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,edit_history_tweet_ids', expansions: 'referenced_tweets.id' }, auth);
      return { message: r.body.data, ...(r.body.includes?.tweets?.[0] !== undefined && { parent: r.body.includes.tweets[0] }), neighbours: r.body.includes?.tweets?.slice(1) ?? [], fetchedAt: now };
    } catch (e) {
      if (!isPlatformError(e)) throw e;
      return { error: e.code, fetchedAt: now };
    }
  }

  async apply(t: ModerationTarget, auth: XAuth): Promise<ModerationResult> {
    const r = await this.x.put<unknown>(`/2/tweets/${t.externalId}/hidden`, { hidden: true }, auth);
    return { at: this.now(), result: r.body, via: 'hidden' };
  }
}

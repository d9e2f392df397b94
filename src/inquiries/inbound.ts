/**
 * What a source adapter hands to the core: a citizen message (InboundMessage), or the organization's
 * own reply to one (OwnReply), which marks the tracked inquiry answered. Adapters verify and translate
 * platform payloads into these; they hold no business rules (DESIGN.md convention 4).
 */
import type { ChannelKind } from '../policy/index.js';
import type { LateReason } from './model.js';

export type SourceName = 'meta' | 'x' | 'generic';

export interface InboundAuthor {
  /** the platform's id of the author (page-scoped id, X user id, …), when given */
  readonly id?: string;
  /** display name, when given */
  readonly name?: string;
  /** @handle / username, when given */
  readonly handle?: string;
}

/**
 * Who sent a generic delivery, as its signature proved (set by the generic adapter). The core binds
 * the body's account to the accounts the directory gives this source (source-binding.ts).
 */
export interface GenericOrigin {
  /** the authenticated source's name (X-Svarstid-Source) */
  readonly name: string;
  /** whether the body named the channel; when it did not, `channel` is a placeholder the binding replaces with the account's */
  readonly channelGiven: boolean;
}

export interface InboundMessage {
  readonly source: SourceName;
  /** generic only: the authenticated source */
  readonly origin?: GenericOrigin;
  readonly channel: ChannelKind;
  /** the platform id of the organization's account the message reached: Facebook page id, Instagram account id, X user id, or the generic source's account key */
  readonly accountExternalId: string;
  /** the platform id of the message itself: comment id, Messenger mid, tweet id, DM event id, or the generic external_id */
  readonly externalId: string;
  readonly author: InboundAuthor;
  readonly text: string;
  /** a link to the post or comment, when one can be built */
  readonly url?: string;
  /** when the platform says the message was created (epoch ms) */
  readonly receivedAt: number;
  /** the external id of the post/comment/tweet it replies to, when any */
  readonly inReplyTo?: string;
  /**
   * A private message (Messenger, Instagram Direct, X DM): the citizen's id, which names the
   * conversation. An own reply in that conversation answers it, and nothing public of the same citizen.
   */
  readonly privateConversation?: string;
  /** what the officer should know about the message as delivered (English, kept in the `received` event), e.g. that the platform sent no text */
  readonly note?: string;
  /** the platform's event object for this message, archived unchanged */
  readonly raw: unknown;
  /** set by catch-up (src/catchup) when it found the message on the platform: when, and why it came late */
  readonly late?: { readonly foundAt: number; readonly reason: LateReason };
}

export interface OwnReply {
  readonly source: SourceName;
  /** generic only: the authenticated source */
  readonly origin?: GenericOrigin;
  readonly channel: ChannelKind;
  readonly accountExternalId: string;
  /** the reply's own id */
  readonly externalId: string;
  /** what it answers: the external id of a tracked message (comment/tweet), or for private messages (Messenger, X DM) the id of the citizen whose conversation it answers, with `conversationWith` set */
  readonly inReplyTo: string;
  /** true when inReplyTo is a citizen's id (a private conversation) rather than a message id */
  readonly conversationWith?: boolean;
  readonly answeredAt: number;
  /** the reply's text, as the platform gave it (kept in the answer's event: the archive holds question and answer) */
  readonly text?: string;
  readonly raw: unknown;
}

/** A citizen's edit of a message: its new text. An edit of a message svarstid never saw is received as `message` when the platform sent the whole message. */
export interface SourceEdit {
  readonly source: SourceName;
  readonly channel: ChannelKind;
  readonly accountExternalId: string;
  /** the edited message's id (for X: the post's first id, edit_history_tweet_ids[0]) */
  readonly externalId: string;
  readonly text: string;
  readonly editedAt: number;
  /** the edited message in full, received when the original was never seen; absent when the platform sends only the change */
  readonly message?: InboundMessage;
  readonly raw: unknown;
}

/** A message removed from the platform: by its author (deleted, unsent) or by the account itself (hidden or deleted by the page). */
export interface SourceRemoval {
  readonly source: SourceName;
  readonly channel: ChannelKind;
  readonly accountExternalId: string;
  readonly externalId: string;
  readonly by: 'author' | 'account';
  /** what the platform says happened: deleted, hidden, unsent */
  readonly how: 'deleted' | 'hidden' | 'unsent';
  /** when the platform says it was removed; absent when it does not say (then: when svarstid learnt of it) */
  readonly removedAt?: number;
  readonly raw: unknown;
}

export type SourceEvent =
  | { readonly kind: 'message'; readonly message: InboundMessage }
  | { readonly kind: 'own_reply'; readonly reply: OwnReply }
  | { readonly kind: 'edit'; readonly edit: SourceEdit }
  | { readonly kind: 'removal'; readonly removal: SourceRemoval };

/** What an event is about: its message, reply, edit or removal (source, channel, account). */
export function eventItem(e: SourceEvent): InboundMessage | OwnReply | SourceEdit | SourceRemoval {
  switch (e.kind) {
    case 'message':
      return e.message;
    case 'own_reply':
      return e.reply;
    case 'edit':
      return e.edit;
    case 'removal':
      return e.removal;
  }
}

/** The event's own time: received, answered, edited or removed (undefined: a removal the platform did not date). */
export function eventTime(e: SourceEvent): number | undefined {
  switch (e.kind) {
    case 'message':
      return e.message.receivedAt;
    case 'own_reply':
      return e.reply.answeredAt;
    case 'edit':
      return e.edit.editedAt;
    case 'removal':
      return e.removal.removedAt;
  }
}

/** A payload that is well-formed JSON but not what the source sends; the message says what is wrong. HTTP 400. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
  readonly code = 'invalid_payload';
}

/** An authenticated sender asked for something its credentials do not cover (a generic source and an account not bound to it). HTTP 403, nothing stored. */
/** A cached binding of a generic source to an account no longer holds: nothing was stored; read it again. */
export class StaleBindingError extends Error {
  override readonly name = 'StaleBindingError';
  constructor(readonly source: string) {
    super(`the binding of source "${source}" changed since it was cached`);
  }
}

export class SourceRefusedError extends Error {
  override readonly name = 'SourceRefusedError';
  constructor(
    readonly code: 'account_not_bound' | 'channel_mismatch' | 'account_ambiguous',
    message: string,
  ) {
    super(message);
  }
}

/** The actor of an event a source caused: "source:meta", "source:x", "source:generic:hofors-blogg". */
export function sourceActor(e: { readonly source: SourceName; readonly origin?: GenericOrigin }): string {
  return e.origin ? `source:${e.source}:${e.origin.name}` : `source:${e.source}`;
}

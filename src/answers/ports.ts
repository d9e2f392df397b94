/**
 * Ports of answer posting (src/answers/post-answer.ts): where an answer goes (a platform's poster,
 * implemented per platform in adapters/sources/*), and the idempotency record of each answer (a
 * table, src/db/answer-store.ts). Small structural interfaces; the use case takes only these.
 */
import type { Inquiry } from '../inquiries/model.js';
import type { PlatformError } from '../platform/errors.js';

/** What a poster needs to know about the message it answers. */
export type AnswerTarget = Pick<Inquiry, 'id' | 'orgId' | 'accountId' | 'source' | 'channel' | 'accountExternalId' | 'externalId' | 'authorId' | 'receivedAt' | 'url' | 'raw'>;

/** The platform's confirmation of a posted answer. */
export interface PostedAnswer {
  /** the platform's id of the reply (comment id, message id, post id, the callback's answer id) */
  readonly replyId: string;
  /** a link to the reply, when the platform has one */
  readonly url: string | null;
  /** when the platform confirmed it (epoch ms) */
  readonly at: number;
  /** how it was sent, for the trail: comment, reply, RESPONSE, HUMAN_AGENT, post, dm, callback */
  readonly via: string;
}

export type Availability =
  | { readonly ok: true }
  /** why the account cannot be answered from svarstid (no token, no consumer keys, no callback URL): for the card, never a value */
  | { readonly ok: false; readonly code: 'no_credentials' | 'not_supported'; readonly message: string };

/** The kinds of message the posters tell apart (the channel alone does not: Instagram comments and DMs). */
export type AnswerRoute = 'facebook_comment' | 'messenger' | 'instagram_comment' | 'instagram_dm' | 'x_post' | 'x_dm' | 'generic';

export interface AnswerPoster {
  /** whether this message can be answered from svarstid at all (credentials, configuration) */
  availability(target: AnswerTarget): Promise<Availability>;
  /** the kind of answer the message gets, for the length rules and the texts */
  route(target: AnswerTarget): AnswerRoute;
  /**
   * Posts `text` as the answer, once. `answerId` is svarstid's id of the answer (a generic source's
   * callback carries it, for its own deduplication). Throws a PlatformError on any refusal or failure.
   */
  post(target: AnswerTarget, text: string, answerId: number, now: number): Promise<PostedAnswer>;
  /**
   * The answer if it is already on the platform (an earlier attempt posted it but its confirmation was
   * lost: a timeout, a 5xx after the write), looked up before any retry; undefined when it is not
   * there or the platform cannot tell.
   */
  find(target: AnswerTarget, text: string, since: number): Promise<PostedAnswer | undefined>;
}

export interface AnswerRecord {
  readonly id: number;
  readonly inquiryId: number;
  readonly key: string;
  readonly text: string;
  readonly kind: AnswerKind;
  readonly state: 'pending' | 'posted' | 'refused';
  readonly attempts: number;
  readonly replyId: string | null;
  readonly replyUrl: string | null;
  readonly createdAt: number;
  readonly postedAt: number | null;
}

export type AnswerKind = 'answer' | 'registration';

export interface NewAnswer {
  readonly inquiryId: number;
  readonly orgId: string;
  readonly personId: number | null;
  readonly actor: string;
  readonly kind: AnswerKind;
  readonly key: string;
  readonly text: string;
}

export interface AnswerStore {
  /**
   * The record for `a.key`, created when absent, and held for this attempt until `holdUntil` (one
   * statement: two attempts at the same answer never both hold it). `held` is false when another
   * attempt holds it now. A refused record is pending again (the officer tries once more).
   */
  begin(a: NewAnswer, now: number, holdUntil: number): Promise<{ record: AnswerRecord; held: boolean }>;
  /** counts a call to the platform, before it is made */
  attempt(id: number): Promise<void>;
  posted(id: number, p: PostedAnswer): Promise<void>;
  refused(id: number, error: PlatformError): Promise<void>;
  /** lets go of a pending record (a transient failure: the next attempt may take it at once) */
  release(id: number): Promise<void>;
  /** the posted answers of an inquiry, oldest first (the trail and the export) */
  ofInquiry(inquiryId: number): Promise<AnswerRecord[]>;
}

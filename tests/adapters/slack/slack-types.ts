/**
 * Compile-time check (tsc --noEmit, the first step of npm test): every Block Kit builder's output is
 * assignable to @slack/types' own types — the version this project pins for validation as well as
 * the one Bolt's WebClient is typed with (the builders are written against the latter). A builder
 * that puts a field Slack does not know in a block, or leaves out one it requires, does not compile.
 * Not a test file: nothing runs; the run-time limits are tests/fakes/validate/slack.ts.
 */
import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import type { types as bolt } from '@slack/bolt';
import { messageBlocks } from '../../../adapters/slack/blocks.js';
import { homeView, refusalHome } from '../../../adapters/slack/home.js';
import { cardMessage, reminderMessage } from '../../../adapters/slack/inquiry-blocks.js';
import { dialogModal } from '../../../adapters/slack/modals.js';
import { pagerBlock } from '../../../adapters/slack/pager.js';
import { replyMessage } from '../../../adapters/slack/replies.js';

type Builders = {
  message: ReturnType<typeof messageBlocks>['blocks'];
  reminder: ReturnType<typeof reminderMessage>['blocks'];
  card: ReturnType<typeof cardMessage>['blocks'];
  reply: ReturnType<typeof replyMessage>['blocks'];
  pager: NonNullable<ReturnType<typeof pagerBlock>>;
  home: ReturnType<typeof homeView>;
  refusal: ReturnType<typeof refusalHome>;
  modal: ReturnType<typeof dialogModal>;
};

/** `true` only when A is assignable to B */
type Assignable<A, B> = [A] extends [B] ? true : false;
const ok = <T extends true>(): T => true as T;

export const checks = [
  ok<Assignable<Builders['message'], KnownBlock[]>>(),
  ok<Assignable<Builders['reminder'], KnownBlock[]>>(),
  ok<Assignable<Builders['card'], KnownBlock[]>>(),
  ok<Assignable<Builders['reply'], KnownBlock[]>>(),
  ok<Assignable<Builders['pager'], KnownBlock>>(),
  ok<Assignable<Builders['home'], HomeView>>(),
  ok<Assignable<Builders['refusal'], HomeView>>(),
  ok<Assignable<Builders['modal'], ModalView>>(),
  ok<Assignable<Builders['message'], bolt.KnownBlock[]>>(),
  ok<Assignable<Builders['modal'], bolt.ModalView>>(),
  ok<Assignable<Builders['home'], bolt.HomeView>>(),
];

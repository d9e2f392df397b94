/** The chat service Slack and Teams share (platform-free). */
export { ChatService } from './service.js';
export { actionsFor, outcomeText, stateName } from './texts.js';
export type { ChatDirectory, ChatInquiries, ChatServiceDeps, PersonMatch } from './ports.js';
export { INQUIRY_ACTIONS, type ChatPlatform, type ChatReply, type ChatUser, type InquiryAction, type InquiryCard, type OrgStatus, type QueueView, type RefusalCode } from './types.js';
export type { ChatAdapter, ChatAdapterFactory, ChatRuntime, ConversationPort, DeliveryLog } from './adapter.js';
export { FanoutNotifier } from './fanout.js';

/**
 * Chat text: notifications rendered as text (Swedish by default, English when the policy says so),
 * shared by the Slack, Teams and console adapters. The words are the text catalogue's (src/texts).
 * Pure: `now` is a parameter, nothing is read.
 */
import type { Notification } from '../../src/reminders/model.js';
import { renderAbsenceNotice } from './absence-notice.js';
import { renderCatchupNotice } from './catchup-notice.js';
import { renderDeliveryFailed } from './delivery-failed.js';
import { renderDigest } from './digest.js';
import type { RenderedMessage } from './message.js';
import { renderReminder } from './reminder.js';
import { renderWeeklySummary } from './weekly-summary.js';

export function renderNotification(n: Notification, now: number): RenderedMessage {
  switch (n.type) {
    case 'reminder':
      return renderReminder(n, now);
    case 'digest':
      return renderDigest(n, now);
    case 'delivery_failed':
      return renderDeliveryFailed(n, now);
    case 'weekly_summary':
      return renderWeeklySummary(n);
    case 'catchup_notice':
      return renderCatchupNotice(n);
    case 'absence_notice':
      return renderAbsenceNotice(n, now);
  }
}

export type { Language, MessageImage, RenderedMessage } from './message.js';
export { forwardedLine, renderReminder, reminderHint, reminderTitle, substituteLine, type ReminderNotification } from './reminder.js';
export { renderDigest, digestLine, teamLines, DIGEST_MAX_LINES, type DigestNotification } from './digest.js';
export { renderWeeklySummary, renderPeriodReport, figureLines, type WeeklySummaryNotification } from './weekly-summary.js';
export { renderDeliveryFailed, type DeliveryFailedNotification } from './delivery-failed.js';
export { renderCatchupNotice, type CatchupNoticeNotification } from './catchup-notice.js';
export { renderAbsenceNotice, type AbsenceNoticeNotification } from './absence-notice.js';
export { lateLine } from './reminder.js';
export { formatAbsenceEnd, formatAbsenceStart, formatDate, formatDateTime, formatTimestamp } from './dates.js';
export { formatDuration, formatWorkingTimeLeft } from './durations.js';
export { channelName, joinList, onChannel, personalDataList, personalDataName } from './names.js';
export { DIGEST_TEXT_LIMIT, MESSAGE_TEXT_LIMIT, oneLine, quote, truncate } from './excerpt.js';
export { renderCard, renderQueue, renderReply, renderStatus } from './replies.js';
export { decodePages, encodePages, FIRST_PAGES, pageOf, QUEUE_PAGE_SIZE, queueSections, turnPage, type Page, type QueuePages, type QueueSection } from './queue.js';

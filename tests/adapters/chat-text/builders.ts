/** One builder with defaults per concept for chat-text tests: an inquiry summary and each notification. */
import type { InquirySummary, Person } from '../../../src/reminders/model.js';
import type { CatchupNoticeNotification, DeliveryFailedNotification, DigestNotification, ReminderNotification } from '../../../adapters/chat-text/index.js';
import { at } from '../../support/calendar-builder.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A Facebook comment to Hofors kommun, received Monday 23 November 14:30, due Tuesday 14:30 (one working day). */
export function summary(o: Partial<InquirySummary> = {}): InquirySummary {
  return {
    id: 42, channel: 'facebook', accountName: 'Hofors kommun', authorName: 'Karin Svensson', text: 'När töms soporna på Storgatan?',
    url: 'https://www.facebook.com/hoforskommun/posts/1?comment_id=42', receivedAt: at('2026-11-23T14:30'), deadline: at('2026-11-24T14:30'),
    workingTimeLeft: 2 * HOUR + 15 * MINUTE, state: 'open', assigneeName: 'Erik Lind', personalData: [], ...o,
  };
}

export function reminder(o: Partial<ReminderNotification> = {}): ReminderNotification {
  return { type: 'reminder', moment: 'heads_up', inquiry: summary(), timezone: 'Europe/Stockholm', language: 'sv', ...o };
}

export function digest(o: Partial<DigestNotification> = {}): DigestNotification {
  return { type: 'digest', date: '2026-11-25', inquiries: [], unrouted: [], timezone: 'Europe/Stockholm', language: 'sv', ...o };
}

export function deliveryFailed(o: Partial<DeliveryFailedNotification> = {}): DeliveryFailedNotification {
  return { type: 'delivery_failed', inquiry: summary(), intendedName: 'Erik Lind', error: 'not_in_channel', timezone: 'Europe/Stockholm', language: 'sv', ...o };
}

export function catchupNotice(o: Partial<CatchupNoticeNotification> = {}): CatchupNoticeNotification {
  return { type: 'catchup_notice', cause: 'webhook_missed', accountName: 'Hofors kommun', channel: 'facebook', platform: 'meta', count: 3, timezone: 'Europe/Stockholm', language: 'sv', ...o };
}

export function person(o: Partial<Person> = {}): Person {
  return {
    id: 3, orgId: 'hofors', name: 'Anna Berg', title: 'Informationssamordnare', role: 'manager', language: null,
    slackUserId: null, teamsUserId: null, active: true, ...o,
  };
}

/** An inquiry as a notification shows it (pure). */
import type { Inquiry } from '../inquiries/model.js';
import type { Policy } from '../policy/index.js';
import type { InquirySummary, Person } from './model.js';
import { redactPersonalData } from '../inquiries/personal-data/index.js';

export function summarize(i: Inquiry, accountName: string, people: ReadonlyMap<number, Person>, policy: Policy | undefined, now: number): InquirySummary {
  return {
    id: i.id,
    channel: i.channel,
    accountName,
    // a name, handle or link can hold personal data too (a personnummer in a display name or a URL): never to chat
    authorName: redactIfAny(i.authorName ?? (i.authorHandle ? `@${i.authorHandle}` : null)),
    // the citizen's words go to a chat platform: without the personal data found in them
    text: i.text === null ? null : i.personalData.length > 0 ? redactPersonalData(i.text) : i.text,
    url: redactIfAny(i.url),
    receivedAt: i.receivedAt,
    deadline: i.deadline,
    workingTimeLeft: i.deadline !== null && policy ? policy.calendar.workingTimeBetween(now, i.deadline) : null,
    state: i.state,
    assigneeName: i.assigneeId !== null ? (people.get(i.assigneeId)?.name ?? null) : null,
    personalData: i.personalData,
    registered: i.registered,
    caseNumber: i.caseNumber,
    ...(i.caughtUpAt != null && i.lateReason != null ? { late: { foundAt: i.caughtUpAt, reason: i.lateReason } } : {}),
  };
}

const redactIfAny = (s: string | null): string | null => (s === null ? null : redactPersonalData(s));

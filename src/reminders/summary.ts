/** An inquiry as a notification shows it (pure). */
import type { Inquiry } from '../inquiries/model.js';
import type { Policy } from '../policy/index.js';
import type { InquirySummary, Person } from './model.js';

export function summarize(i: Inquiry, accountName: string, people: ReadonlyMap<number, Person>, policy: Policy | undefined, now: number): InquirySummary {
  return {
    id: i.id,
    channel: i.channel,
    accountName,
    authorName: i.authorName ?? (i.authorHandle ? `@${i.authorHandle}` : null),
    text: i.text,
    url: i.url,
    receivedAt: i.receivedAt,
    deadline: i.deadline,
    workingTimeLeft: i.deadline !== null && policy ? policy.calendar.workingTimeBetween(now, i.deadline) : null,
    state: i.state,
    assigneeName: i.assigneeId !== null ? (people.get(i.assigneeId)?.name ?? null) : null,
    personalData: i.personalData,
  };
}

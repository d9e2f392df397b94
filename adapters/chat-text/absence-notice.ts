/**
 * The notice of an absence someone else registered or ended: to the absent person (a manager did it
 * for them) and to the substitute it names, so that nobody covers, or is covered, without knowing.
 */
import type { Notification } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { formatAbsenceEnd, formatAbsenceStart } from './dates.js';
import { oneLine } from './excerpt.js';
import { rendered, type RenderedMessage } from './message.js';

export type AbsenceNoticeNotification = Extract<Notification, { type: 'absence_notice' }>;

export function renderAbsenceNotice(n: AbsenceNoticeNotification, now: number): RenderedMessage {
  const t = texts(n.language);
  const by = oneLine(n.byName);
  if (n.action === 'back') return rendered(t.absenceNotice.backTitle, [t.absenceNotice.backYou(by)]);
  const end = formatAbsenceEnd(n.endsAt, n.timezone, now, n.language) ?? '';
  const sub = n.substituteName === null ? null : oneLine(n.substituteName);
  return rendered(t.absenceNotice.awayTitle, [
    n.to === 'absent' ? t.absenceNotice.awayYou(by, end, sub) : t.absenceNotice.awaySubstitute(by, oneLine(n.absentName), end),
    n.startsAt > now ? t.absence.starts(formatAbsenceStart(n.startsAt, n.timezone, now, n.language)) : undefined,
  ]);
}

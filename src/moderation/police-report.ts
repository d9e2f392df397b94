/**
 * Whether a police report was made about a hidden or removed message (Hofors 2.6: "i förekommande
 * fall aktualisera polisanmälan"): the officer's yes or no, recorded in the inquiry's trail as a
 * `police_report` event. Any state: the question comes after the inquiry was closed by the removal.
 */
import type { ActDeps } from '../inquiries/act.js';
import { InquiryError } from '../inquiries/errors.js';
import type { Inquiry } from '../inquiries/model.js';

export interface PoliceReportRequest {
  readonly inquiryId: number;
  readonly personId: number;
  readonly made: boolean;
  readonly note?: string;
  /** "api:token:3" acting as the person */
  readonly via?: string;
}

export async function recordPoliceReport(deps: Pick<ActDeps, 'store' | 'personOrg'>, req: PoliceReportRequest, now: number): Promise<Inquiry> {
  for (let attempt = 0; ; attempt++) {
    const inquiry = await deps.store.get(req.inquiryId);
    const org = await deps.personOrg(req.personId);
    if (org === undefined) throw new InquiryError('unknown_person', `no active person ${req.personId}`);
    if (!inquiry || inquiry.orgId === null || inquiry.orgId !== org) throw new InquiryError('not_found', `no inquiry ${req.inquiryId}`);
    try {
      return await deps.store.apply(inquiry.id, inquiry.version, {}, { type: 'police_report', actor: `person:${req.personId}`, at: now, data: { made: req.made, note: req.note ?? null, ...(req.via && { requestedBy: req.via }) } }, now);
    } catch (e) {
      if (!(e instanceof InquiryError && e.code === 'concurrent_change') || attempt >= 2) throw e;
    }
  }
}

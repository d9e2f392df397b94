/** Errors of the inquiry use cases. Each has a stable code; chat adapters look up Swedish text by it. */
export type InquiryErrorCode =
  | 'not_found'
  | 'illegal_transition'
  | 'already_claimed'
  | 'already_yours'
  | 'already_registered'
  | 'unknown_reason'
  /** `annat` without a note saying what it was */
  | 'note_required'
  | 'unknown_person'
  | 'wrong_organization'
  | 'concurrent_change'
  /** an edit that changes nothing (a redelivery of the same version) */
  | 'unchanged';

export class InquiryError extends Error {
  override readonly name = 'InquiryError';
  constructor(
    readonly code: InquiryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

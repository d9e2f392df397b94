/** The Meta ingestion adapter (Facebook Page feed, Messenger, Instagram comments): verify, then parse. */
export { verifyMetaSignature } from './signature.js';
export { answerVerification, VERIFICATION_ERRORS, type VerificationAnswer } from './verification.js';
export { parseMetaPayload, META_OBJECTS } from './parse.js';

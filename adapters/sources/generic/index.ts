/** The generic webhook source (`POST /webhooks/generic`): verify the signature, then parse the body. */
export {
  DEFAULT_TOLERANCE_SECONDS,
  GENERIC_HEADERS,
  genericHeadersFrom,
  signGeneric,
  verifyGenericSignature,
  type GenericSignatureFailure,
  type GenericSignatureHeaders,
  type GenericSignatureResult,
  type VerifyGenericSignatureInput,
} from './signature.js';
export { answerIdFor, parseGenericPayload } from './parse.js';
export { GenericPayloadError } from './problems.js';
export { DEFAULT_CHANNEL, LIMITS, parseOffsetInstant } from './schema.js';

/** The X (Twitter) Account Activity API source: verify the signature, answer the CRC, parse the payload. */
export { answerCrc, type CrcAnswer } from './crc.js';
export { parseXPayload } from './parse.js';
export { verifyXSignature, X_SIGNATURE_HEADER } from './signature.js';

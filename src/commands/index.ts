/** Chat commands: the parser Slack and Teams share, and the text a person reads about them. */
export { parseCommand } from './parse.js';
export { errorText, helpText } from './messages.js';
export { CLOSE_REASON_ALIASES } from './reasons.js';
export { PARSE_ERROR_CODES, type ChatCommand, type CommandType, type Language, type ParseError, type ParseErrorCode, type ParseOptions, type ParseResult, type PersonRef } from './types.js';

/**
 * What a bot sends Teams, checked as Teams documents it:
 * - every Adaptive Card attachment through Microsoft's SDK (adaptive-card.ts);
 * - the message size: "The bot message size limit is 100 KB … encoded as UTF-16. This 100 KB size
 *   limitation doesn't include base64 encoded image. … it's recommended to ensure that the size of
 *   the message itself is within 80 KB to guarantee successful message delivery"; beyond it Teams
 *   answers 413 MessageSizeTooBig (learn.microsoft.com/microsoftteams/platform/bots/how-to/
 *   format-your-bot-messages). The 28 KB figure seen elsewhere is Power Automate's Teams connector,
 *   not bots. Checked here: the activity's JSON in UTF-16, data: URIs left out, at most 80 KB.
 * - the invoke responses: `application/search` (dynamic typeahead, msteams-docs
 *   task-modules-and-cards/cards/dynamic-search.md: a searchResponse with at most 15 results, "the
 *   number of options in the dropdown is limited to 15") and `adaptiveCard/action` (Universal
 *   Actions, msteams-docs …/universal-actions-for-adaptive-cards/work-with-universal-actions-for-
 *   adaptive-cards.md: statusCode, type card / message / error, value).
 */
import { adaptiveCardProblems } from './adaptive-card.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Microsoft's recommended ceiling for a bot message, in UTF-16 bytes (the hard limit is 100 KB) */
export const MAX_MESSAGE_UTF16_BYTES = 80 * 1024;
/** the typeahead dropdown shows at most 15 options */
export const MAX_SEARCH_RESULTS = 15;

/** The message's size as Teams counts it: UTF-16 code units × 2, base64 data URIs left out. */
export function messageSize(activity: unknown): number {
  const json = JSON.stringify(activity, (_k, v: unknown) => (typeof v === 'string' && v.startsWith('data:') && v.includes(';base64,') ? '' : v));
  return json.length * 2;
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function teamsActivityProblems(activity: unknown): string[] {
  if (!isObject(activity)) return ['the activity is not a JSON object'];
  const problems: string[] = [];
  if (activity.type !== 'message') problems.push(`type is ${JSON.stringify(activity.type)}; a bot's message is "message"`);
  const size = messageSize(activity);
  if (size > MAX_MESSAGE_UTF16_BYTES) problems.push(`the message is ${(size / 1024).toFixed(1)} KB in UTF-16, over the 80 KB Microsoft recommends (Teams refuses 100 KB with 413 MessageSizeTooBig)`);
  const attachments = activity.attachments ?? [];
  if (!Array.isArray(attachments)) problems.push('attachments must be an array');
  else
    attachments.forEach((a: unknown, i: number) => {
      if (!isObject(a) || typeof a.contentType !== 'string') return problems.push(`attachments[${i}] has no contentType`);
      if (a.contentType === CARD_CONTENT_TYPE) problems.push(...adaptiveCardProblems(a.content).map((p) => `attachments[${i}]: ${p}`));
    });
  if ((activity.text === undefined || activity.text === '') && (!Array.isArray(attachments) || attachments.length === 0)) problems.push('the message has neither text nor attachments');
  if (activity.textFormat !== undefined && !['plain', 'markdown', 'xml'].includes(activity.textFormat)) problems.push(`textFormat ${JSON.stringify(activity.textFormat)} is not plain, markdown or xml`);
  return problems;
}

function searchResponseProblems(body: Record<string, any>): string[] {
  if (body.type === 'application/vnd.microsoft.error') return isObject(body.value) && typeof body.value.message === 'string' ? [] : ['an error response needs value.code and value.message'];
  if (body.type !== 'application/vnd.microsoft.search.searchResponse') return [`type is ${JSON.stringify(body.type)}, not application/vnd.microsoft.search.searchResponse`];
  const results = body.value?.results;
  if (!Array.isArray(results)) return ['value.results must be an array'];
  const problems: string[] = [];
  if (results.length > MAX_SEARCH_RESULTS) problems.push(`${results.length} results; the dropdown shows at most ${MAX_SEARCH_RESULTS}`);
  results.forEach((r: unknown, i: number) => {
    if (!isObject(r) || typeof r.title !== 'string' || r.title === '' || typeof r.value !== 'string' || r.value === '') problems.push(`results[${i}] needs a non-empty title and value`);
  });
  return problems;
}

function actionResponseProblems(body: Record<string, any>): string[] {
  if (typeof body.statusCode !== 'number') return ['statusCode is required'];
  switch (body.type) {
    case CARD_CONTENT_TYPE:
      return adaptiveCardProblems(body.value).map((p) => `value: ${p}`);
    case 'application/vnd.microsoft.activity.message':
      return typeof body.value === 'string' && body.value !== '' ? [] : ['a message response needs a text value'];
    case 'application/vnd.microsoft.error':
      return body.statusCode >= 400 && isObject(body.value) && typeof body.value.message === 'string' ? [] : ['an error response needs a 4xx/5xx statusCode and value.message'];
    default:
      return [`type ${JSON.stringify(body.type)} is not an Universal Actions response type`];
  }
}

/** What is wrong with the bot's HTTP answer to an invoke activity named `name`. */
export function invokeResponseProblems(name: string, status: number, body: unknown): string[] {
  if (status !== 200) {
    if (!(status >= 400 && status < 500 && isObject(body) && typeof body.error === 'string')) return [`the invoke was answered ${status}`];
    // a refused Action.Execute carries Universal Actions' error body too
    return name === 'adaptiveCard/action' && body.type !== undefined ? actionResponseProblems(body) : [];
  }
  if (!isObject(body)) return ['the invoke response body is not a JSON object'];
  if (name === 'application/search') return searchResponseProblems(body);
  if (name === 'adaptiveCard/action') return actionResponseProblems(body);
  return [];
}

/**
 * The types of an activity's optional fields that botbuilder and the bot read, checked before
 * botbuilder sees the activity: a wrong type there fails inside the SDK (`"text": 5` reaches
 * text.normalize, `"entities": [null]` botbuilder's getMentions) and would be a 500. A field that is
 * present must have its documented type (Bot Framework Activity schema); each problem names it.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown): boolean => v !== undefined && v !== null;

const TEXT_FIELDS = ['text', 'textFormat', 'locale', 'name', 'action', 'inputHint', 'summary', 'timestamp', 'localTimestamp', 'speak', 'attachmentLayout'] as const;
const OBJECT_FIELDS = ['value', 'channelData', 'conversation', 'from', 'recipient', 'relatesTo'] as const;
const ARRAY_OF_OBJECTS = ['entities', 'attachments', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'reactionsRemoved'] as const;
/** fields of from, recipient and conversation botbuilder reads as text (the ids: activity-limits.ts) */
const ACCOUNT_TEXT = ['name', 'aadObjectId', 'role', 'tenantId', 'conversationType'] as const;

export function activityFieldProblems(a: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const f of TEXT_FIELDS) if (present(a[f]) && typeof a[f] !== 'string') problems.push(`${f} must be text`);
  for (const f of OBJECT_FIELDS) if (present(a[f]) && !isObject(a[f])) problems.push(`${f} must be an object`);
  for (const f of ['from', 'recipient', 'conversation'] as const) {
    const account = a[f];
    if (isObject(account)) for (const k of ACCOUNT_TEXT) if (present(account[k]) && typeof account[k] !== 'string') problems.push(`${f}.${k} must be text`);
  }
  for (const f of ARRAY_OF_OBJECTS) {
    const list = a[f];
    if (!present(list)) continue;
    if (!Array.isArray(list)) {
      problems.push(`${f} must be an array`);
      continue;
    }
    const bad = list.findIndex((x) => !isObject(x));
    if (bad >= 0) problems.push(`${f}[${bad}] must be an object`);
    else if (f === 'entities') {
      const untyped = list.findIndex((x) => present(x.type) && typeof x.type !== 'string');
      if (untyped >= 0) problems.push(`entities[${untyped}].type must be text`);
      // a mention's `mentioned` is read by removeRecipientMention
      const mention = list.findIndex((x) => x.type === 'mention' && present(x.mentioned) && (!isObject(x.mentioned) || (present(x.mentioned.id) && typeof x.mentioned.id !== 'string')));
      if (mention >= 0) problems.push(`entities[${mention}].mentioned must be an object with a text id`);
      const mentionText = list.findIndex((x) => x.type === 'mention' && present(x.text) && typeof x.text !== 'string');
      if (mentionText >= 0) problems.push(`entities[${mentionText}].text must be text`);
    } else if (f === 'membersAdded' || f === 'membersRemoved') {
      const badId = list.findIndex((x) => present(x.id) && typeof x.id !== 'string');
      if (badId >= 0) problems.push(`${f}[${badId}].id must be text`);
    }
  }
  return problems;
}

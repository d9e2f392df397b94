/**
 * Bounds on an activity that botbuilder and svarstid rely on, beyond its required fields: ids in
 * printable ASCII of a sane length (Teams' own are under 200 characters; a 10 KB conversation id makes
 * the reply URL too long for the Bot Connector, a non-ASCII one cannot go into the connector's
 * headers, and the turn fails), and a recipient on a message (botbuilder reads
 * recipient.id to strip the bot's @mention). Each problem names the field.
 */
/** the delivery key joins two ids, and a database index entry holds at most about 2.7 KB */
const MAX_ID = 512;
const MAX_URL = 2_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function activityLimitProblems(a: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const ids: Array<[string, unknown]> = [
    ['id', a.id],
    ['replyToId', a.replyToId],
    ['conversation.id', isObject(a.conversation) ? a.conversation.id : undefined],
    ['from.id', isObject(a.from) ? a.from.id : undefined],
    ['recipient.id', isObject(a.recipient) ? a.recipient.id : undefined],
  ];
  for (const [name, v] of ids) {
    if (v !== undefined && v !== null && typeof v !== 'string') problems.push(`${name} must be text`);
    else if (typeof v === 'string' && v.length > MAX_ID) problems.push(`${name} is ${v.length} characters long, at most ${MAX_ID} allowed`);
    else if (typeof v === 'string' && !/^[\x20-\x7e]*$/.test(v)) problems.push(`${name} must be printable ASCII, as the Bot Framework's ids are`);
  }
  if (typeof a.serviceUrl === 'string' && a.serviceUrl.length > MAX_URL) problems.push(`serviceUrl is ${a.serviceUrl.length} characters long, at most ${MAX_URL} allowed`);
  if (a.type === 'message' && (!isObject(a.recipient) || typeof a.recipient.id !== 'string' || a.recipient.id === '')) problems.push('recipient.id is required on a message');
  return problems;
}

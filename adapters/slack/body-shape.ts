/**
 * The fields Bolt reads from a body before any listener runs (to find the workspace and the
 * conversation), checked so that a signed body without them is a 400 naming the field instead of a
 * TypeError inside Bolt (500). Slack always sends them; a body without them is not Slack's.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const INTERACTIONS = new Set(['block_actions', 'block_suggestion', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'dialog_submission', 'dialog_cancellation', 'dialog_suggestion', 'interactive_message', 'workflow_step_edit']);

export function boltShapeProblem(body: Record<string, unknown>): string | undefined {
  if (body.event !== undefined) {
    if (!isObject(body.event)) return 'event must be an object';
    if (body.event.item !== undefined && !isObject(body.event.item)) return 'event.item must be an object';
    return undefined;
  }
  if (body.command !== undefined) return undefined;
  // interactions (actions, options, shortcuts, views); other types reach no listener (404) without Bolt reading more
  if (!INTERACTIONS.has(String(body.type)) && body.actions === undefined && body.name === undefined) return undefined;
  if (body.actions !== undefined && !Array.isArray(body.actions)) return 'actions must be a list';
  if (body.channel !== undefined && body.channel !== null && !isObject(body.channel)) return 'channel must be an object';
  if ((body.type === 'view_submission' || body.type === 'view_closed') && !isObject(body.view)) return 'view must be an object';
  const team = body.team;
  if (team !== undefined && team !== null && !isObject(team)) return 'team must be an object';
  if ((team === undefined || team === null) && !isObject(body.user)) return 'an interaction needs team or user';
  return undefined;
}

/**
 * X API v2 problem bodies (`application/problem+json`). 401 and 429 as X answers them (seen in public
 * test suites and bug reports); the typed problems follow X's "Error and problem" documentation
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors). The 403 for a reply the author did
 * not summon is not documented word for word; the text is X's as reported by developers.
 */
export const X_PROBLEMS = {
  unauthorized: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
  tooManyRequests: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
  notSummoned: {
    title: 'Forbidden',
    type: 'about:blank',
    status: 403,
    detail: 'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
  },
  notOwner: { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'You are not allowed to delete this Post.' },
  cannotHide: { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'You can only hide replies to conversations you started.' },
  dmClosed: { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'You cannot send messages to this user.' },
  notFound: (id: string) => ({ title: 'Not Found Error', type: 'https://api.x.com/2/problems/resource-not-found', detail: `Could not find tweet with id: [${id}].`, resource_type: 'tweet', resource_id: id, parameter: 'id', value: id }),
  invalid: (detail: string) => ({ title: 'Invalid Request', type: 'https://api.x.com/2/problems/invalid-request', detail }),
} as const;

/**
 * Graph API error bodies as Meta sends them. Sources (re-typed, ids elided as Meta's docs do):
 * - 190/463: "Access Token Errors", Meta Graph API docs ("Handling Errors"), expired session example;
 * - 100/33: Instagram Graph API reference, "Unsupported get request" example;
 * - 10/2018278: Messenger Platform policy refusal (text seen in a public bug report; the code and
 *   subcode are the documented window error);
 * - 551/1545041: Messenger Send API error "This person isn't available right now";
 * - 80001: "Rate Limits" (Page Business Use Case throttling);
 * - 200: "Handling Errors" permission codes (200–299), text as Meta's short form.
 * (research notes: /work/research/fixtures/graph-api/errors and SOURCES.md at the time of writing)
 */
export interface GraphErrorBody {
  readonly error: { readonly message: string; readonly type: string; readonly code: number; readonly error_subcode?: number; readonly fbtrace_id: string; readonly is_transient?: boolean };
}

const body = (code: number, type: string, message: string, subcode?: number): GraphErrorBody => ({
  error: { message, type, code, ...(subcode !== undefined && { error_subcode: subcode }), fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' },
});

export const GRAPH_ERRORS = {
  expiredToken: body(190, 'OAuthException', 'Error validating access token: Session has expired on Monday, 19-Jun-23 06:29:46 PDT. The current time is Tuesday, 04-Jul-23 02:11:32 PDT.', 463),
  invalidToken: body(190, 'OAuthException', 'Invalid OAuth access token - Cannot parse access token'),
  notFound: (id: string) => body(100, 'GraphMethodException', `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`, 33),
  outsideWindow: body(10, 'OAuthException', '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview', 2018278),
  personUnavailable: body(551, 'OAuthException', "(#551) This person isn't available right now.", 1545041),
  pageRateLimit: body(80001, 'OAuthException', '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.'),
  permission: body(200, 'OAuthException', '(#200) Permissions error'),
  /** hiding a comment Meta does not let a page hide (a comment on a visitor's post, the page's own) — the exact text is not documented */
  cannotHide: body(100, 'OAuthException', '(#100) This comment cannot be hidden'),
  transient: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD', is_transient: true } } as GraphErrorBody,
} as const;

/**
 * A Bolt Receiver that is a Route on svarstid's own HTTP server (bolt-js's Receiver: init, start,
 * stop). It verifies and parses the request, answers url_verification, drops redeliveries, and hands
 * the body to `app.processEvent`; the HTTP answer is whatever the listener acked, as soon as it acks,
 * while the listener goes on with the work. Unacked after `ackTimeoutMs`: 200 with an empty body
 * (Slack gives up at 3 s anyway, and the work still finishes); never acked: 404.
 */
import { createHash } from 'node:crypto';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { json, problem, type HttpRequest, type HttpResponse, type Route } from '../../src/http/routes.js';
import { databaseUnavailable, summarizeError } from '../../src/http/failure.js';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { checkSignature, deliveryKey, parseBody } from './request.js';
import type { DeliveryLog } from '../../src/chat/adapter.js';

export interface RouteReceiverOptions {
  readonly path: string;
  readonly signingSecret: string;
  readonly now: () => number;
  readonly logger: Logger;
  /** deliveries already handled, across instances (a redelivery is answered 200 and not acted on) */
  readonly deliveries: DeliveryLog;
  readonly ackTimeoutMs?: number;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function ackResponse(response: unknown): HttpResponse {
  if (response === undefined || response === null || response === '') return { status: 200, text: '' };
  if (typeof response === 'string') return { status: 200, text: response };
  return json(200, response);
}

/**
 * Bolt authorizes every request first (svarstid's authorize asks Slack's auth.test once and caches
 * the answer). When Slack cannot be reached or refuses that call, nothing was done: the truthful
 * answer is 503 with Retry-After, and Slack's own retry (or the officer's next press) finds it back.
 */
const SLACK_RETRY_AFTER_SECONDS = 10;
const isSlackUnreachable = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'slack_bolt_authorization_error';
const slackUnavailable = (): HttpResponse => ({
  status: 503,
  headers: { 'retry-after': String(SLACK_RETRY_AFTER_SECONDS) },
  body: { error: 'slack_unavailable', message: `Slack's API could not be reached to authorize this request; nothing was done, send it again in ${SLACK_RETRY_AFTER_SECONDS} seconds`, retry_after: SLACK_RETRY_AFTER_SECONDS },
});

export class RouteReceiver implements Receiver {
  private app: App | undefined;
  readonly route: Route;

  constructor(private readonly o: RouteReceiverOptions) {
    this.route = { method: 'POST', path: o.path, handle: (req) => this.handle(req) };
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(req: HttpRequest): Promise<HttpResponse> {
    const raw = req.body.toString('utf8');
    const now = this.o.now();
    const refused = checkSignature(req.headers, raw, this.o.signingSecret, now);
    if (refused) return refused;
    const parsed = parseBody(req.headers, raw);
    if (!parsed.ok) return parsed.response;
    const body = parsed.body;
    if (body.type === 'url_verification') return json(200, { challenge: body.challenge });
    if (body.ssl_check !== undefined) return { status: 200, text: '' };
    const key = deliveryKey(body, raw, sha256);
    const retryNum = Number(req.headers['x-slack-retry-num'] ?? NaN);
    if (!(await this.o.deliveries.first('slack', key, now))) {
      this.o.logger.info({ key, retryNum: Number.isNaN(retryNum) ? undefined : retryNum }, 'Slack: redelivery ignored');
      return { status: 200, text: '' };
    }
    if (!this.app) return problem(503, 'not_ready', 'the Slack app is not initialised');
    return this.dispatch(this.app, body, key, Number.isNaN(retryNum) ? undefined : retryNum, req.headers['x-slack-retry-reason']);
  }

  private dispatch(app: App, body: Record<string, unknown>, key: string, retryNum: number | undefined, retryReason: string | string[] | undefined): Promise<HttpResponse> {
    return new Promise((resolve) => {
      let answered = false;
      const answer = (r: HttpResponse) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.o.logger.warn({ key }, 'Slack: no ack in time; answered 200 while the work goes on');
        answer({ status: 200, text: '' });
      }, this.o.ackTimeoutMs ?? 2500);
      timer.unref();
      const event: ReceiverEvent = {
        body,
        ...(retryNum !== undefined && { retryNum }),
        ...(typeof retryReason === 'string' && { retryReason }),
        ack: async (response?: unknown) => answer(ackResponse(response)),
      };
      app.processEvent(event).then(
        () => answer(problem(404, 'unhandled_request', 'no listener handled this request')),
        (e: unknown) => {
          if (!answered) void this.o.deliveries.forget('slack', key).catch(() => {});
          // class, code and frames only: the message of a driver error quotes bound values (personal data)
          this.o.logger.error({ error: summarizeError(e), key }, 'Slack: processing failed');
          answer(isDatabaseUnavailable(e) ? databaseUnavailable() : isSlackUnreachable(e) ? slackUnavailable() : problem(500, 'internal_error', 'the request could not be processed'));
        },
      );
    });
  }
}

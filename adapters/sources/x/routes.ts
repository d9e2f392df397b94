/** GET and POST /webhooks/x: the CRC check and signed Account Activity deliveries. */
import type { IngestPort } from '../../../src/app.js';
import type { Route } from '../../../src/http/routes.js';
import { messageTimeRange } from '../../../src/time/accepted-range.js';
import { header, notConfigured, runWebhook } from '../webhook-flow.js';
import { answerCrc, parseXPayload, verifyXSignature } from './index.js';

export interface XConfig {
  /** X_CONSUMER_SECRET: keys the CRC response and x-twitter-webhooks-signature */
  readonly consumerSecret?: string;
}

export function xRoutes(cfg: XConfig, port: IngestPort): Route[] {
  return [
    {
      method: 'GET',
      path: '/webhooks/x',
      handle(req) {
        if (!cfg.consumerSecret) return notConfigured('X', 'X_CONSUMER_SECRET');
        const a = answerCrc(req.query, cfg.consumerSecret);
        return a.status === 200 ? { status: 200, body: a.body } : { status: a.status, body: { error: a.error, message: a.message } };
      },
    },
    {
      method: 'POST',
      path: '/webhooks/x',
      handle(req) {
        const secret = cfg.consumerSecret;
        if (!secret) return notConfigured('X', 'X_CONSUMER_SECRET');
        return runWebhook(
          req,
          {
            verify: (r) => (verifyXSignature(r.body, header(r, 'x-twitter-webhooks-signature'), secret) ? null : 'x-twitter-webhooks-signature is missing or does not match the body'),
            parse: (body) => parseXPayload(body, messageTimeRange(port.now())),
          },
          port,
        );
      },
    },
  ];
}

/** GET and POST /webhooks/meta: the subscription handshake and signed event deliveries. */
import type { IngestPort } from '../../../src/app.js';
import type { Route } from '../../../src/http/routes.js';
import { messageTimeRange } from '../../../src/time/accepted-range.js';
import { header, notConfigured, runWebhook } from '../webhook-flow.js';
import { answerVerification, parseMetaPayload, verifyMetaSignature } from './index.js';

export interface MetaConfig {
  /** META_APP_SECRET: keys X-Hub-Signature-256 */
  readonly appSecret?: string;
  /** META_VERIFY_TOKEN: what the subscription handshake must present */
  readonly verifyToken?: string;
}

export function metaRoutes(cfg: MetaConfig, port: IngestPort): Route[] {
  return [
    {
      method: 'GET',
      path: '/webhooks/meta',
      handle(req) {
        if (!cfg.verifyToken) return notConfigured('Meta', 'META_VERIFY_TOKEN');
        const a = answerVerification(req.query, cfg.verifyToken);
        // nosniff: the echoed challenge is never read as anything but text
        return a.status === 200 ? { status: 200, text: a.body, headers: { 'x-content-type-options': 'nosniff' } } : { status: a.status, body: { error: a.error, message: a.message } };
      },
    },
    {
      method: 'POST',
      path: '/webhooks/meta',
      handle(req) {
        const secret = cfg.appSecret;
        if (!secret) return notConfigured('Meta', 'META_APP_SECRET');
        return runWebhook(
          req,
          {
            verify: (r) => (verifyMetaSignature(r.body, header(r, 'x-hub-signature-256'), secret) ? null : 'X-Hub-Signature-256 is missing or does not match the body'),
            parse: (body) => parseMetaPayload(body, messageTimeRange(port.now())),
          },
          port,
        );
      },
    },
  ];
}

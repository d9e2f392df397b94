/** POST /webhooks/generic: signed messages from blogs, web chat, e-mail bridges and anything else. */
import type { IngestPort } from '../../../src/app.js';
import type { Route } from '../../../src/http/routes.js';
import { messageTimeRange } from '../../../src/time/accepted-range.js';
import { runWebhook } from '../webhook-flow.js';
import { genericHeadersFrom, parseGenericPayload, verifyGenericSignature } from './index.js';

export interface GenericConfig {
  /** the secret of a configured source (SVARSTID_SOURCE_SECRET_<NAME>), or undefined */
  readonly secretFor: (source: string) => string | undefined;
}

export function genericRoutes(cfg: GenericConfig, port: IngestPort): Route[] {
  return [
    {
      method: 'POST',
      path: '/webhooks/generic',
      handle(req) {
        let source = '';
        return runWebhook(
          req,
          {
            verify: (r) => {
              const v = verifyGenericSignature({ rawBody: r.body, headers: genericHeadersFrom(r.headers), secretFor: cfg.secretFor, nowMs: port.now() });
              if (!v.ok) return v.message;
              source = v.source;
              return null;
            },
            parse: (body) => parseGenericPayload(body, source, messageTimeRange(port.now())),
          },
          port,
        );
      },
    },
  ];
}

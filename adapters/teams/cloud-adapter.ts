/**
 * botbuilder's CloudAdapter for a SingleTenant Azure Bot: it checks the JWT on every incoming
 * activity and gets a token for every outgoing call. With an empty app id (TEAMS_NO_AUTH, local
 * testing only) it does neither, and its HTTP client calls loopback addresses only.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { authDisabled, type TeamsConfig } from './config.js';
import { connectorHttpClient } from './connector-http.js';
import { isLoopbackUrl } from './loopback.js';

type ConnectorOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;

export function createCloudAdapter(config: TeamsConfig, fetchImpl?: typeof fetch): CloudAdapter {
  const settings = authDisabled(config)
    ? {}
    : { MicrosoftAppId: config.appId, MicrosoftAppPassword: config.appPassword, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: config.tenantId };
  const connector = { httpClient: connectorHttpClient(fetchImpl, authDisabled(config) ? isLoopbackUrl : undefined) } as unknown as ConnectorOptions;
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, undefined, undefined, undefined, connector));
}

/**
 * With authentication off (SVARSTID_TEAMS_NO_AUTH, local testing), nothing proves an activity comes
 * from Teams, so its serviceUrl — where botbuilder sends the reply — is whatever the sender wrote
 * (an attempt to reach 169.254.169.254, the cloud metadata service, was seen). In that mode the bot
 * talks to loopback addresses only: the request is refused before anything is sent, and the HTTP
 * client refuses any other address too (a stored conversation reference included).
 */

/** A refused outgoing call: nothing was sent. */
export class ServiceUrlRefused extends Error {
  override readonly name = 'ServiceUrlRefused';
  constructor(readonly host: string) {
    super(`Teams authentication is off: the bot calls loopback addresses only, not ${host}`);
  }
}

/** Whether `url` is http(s) to localhost, 127.0.0.0/8 or ::1 (IPv4-mapped included). */
export function isLoopbackUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (/^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host)) return true;
  return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 100);
  }
}

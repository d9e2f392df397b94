/**
 * The registry of accounts (kontoförteckning; Hofors 2.1 and 2.4, Region Gotland "samlad förteckning
 * över kanaler … namngivna administratörer", Nässjö 3 and 15): every account of an organization with
 * its channel, address, responsible officer, substitute and manager, ready to publish. Pure: rows
 * in, text out. Headings are Swedish (the registry is published on the organization's website).
 */
import { channelName } from '../../adapters/chat-text/names.js';

import type { RegistryRow } from '../db/registry-store.js';

export type { RegistryRow };

export const REGISTRY_HEADINGS = ['Organisation', 'Konto', 'Kanal', 'Adress', 'Kontoansvarig', 'Ersättare', 'Chef'] as const;

const cells = (r: RegistryRow): string[] => [r.organization, r.account, channelName(r.channel, 'sv'), r.address ?? '', r.responsible ?? '', r.substitute ?? '', r.manager ?? ''];

/** HTML text and attribute escaping (the five characters HTML gives meaning to). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An address is a link only when it is http(s); anything else is shown as text. */
const link = (address: string): string => (/^https?:\/\//i.test(address) ? `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>` : escapeHtml(address));

/** A complete HTML5 document with one table, every value escaped. */
export function registryHtml(rows: readonly RegistryRow[], title: string): string {
  const head = `<tr>${REGISTRY_HEADINGS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => {
      const c = cells(r).map(escapeHtml);
      c[3] = r.address ? link(r.address) : '';
      return `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</body>\n</html>\n`;
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** RFC 4180 with a BOM (spreadsheet programs read the Swedish letters right). */
export function registryCsv(rows: readonly RegistryRow[]): string {
  return `\uFEFF${[REGISTRY_HEADINGS.join(','), ...rows.map((r) => cells(r).map(csvField).join(','))].join('\r\n')}\r\n`;
}

export function registryJson(rows: readonly RegistryRow[]): string {
  return `${JSON.stringify(rows.map((r) => ({ organization: r.organization, account: r.account, key: r.key, channel: r.channel, address: r.address, responsible: r.responsible, substitute: r.substitute, manager: r.manager })), null, 2)}\n`;
}

/**
 * Who sees unrouted messages (those that reached no account in the directory, so belong to no
 * organization): the deployment's administrators always (admin API token, the CLI); an
 * organization's people (digest, `sammanfattning`, weekly summary and report, chat actions) only when
 * it is the deployment's one organization. In a multi-organization deployment a message to an
 * unknown page must not reach every municipality's managers.
 */
import type { Db } from './connection.js';
import { organizations } from './schema.js';

/** The organization when the deployment has exactly one, else undefined. */
export async function soleOrganization(db: Db): Promise<string | undefined> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(2);
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/** Whether `orgId`'s managers see the unrouted messages. */
export async function seesUnrouted(db: Db, orgId: string): Promise<boolean> {
  return (await soleOrganization(db)) === orgId;
}

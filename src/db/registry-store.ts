/** The registry of accounts on the database: every active account of the organizations asked for, with the names of its people. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './connection.js';
import { accounts, organizations, people } from './schema.js';

/** One account of the registry, with the names of its people (null: the directory names nobody). */
export interface RegistryRow {
  readonly organization: string;
  readonly account: string;
  readonly key: string;
  readonly channel: string;
  readonly address: string | null;
  readonly responsible: string | null;
  readonly substitute: string | null;
  readonly manager: string | null;
  readonly active: boolean;
}

export async function registryRows(db: Db, orgIds: readonly string[]): Promise<RegistryRow[]> {
  if (orgIds.length === 0) return [];
  const responsible = alias(people, 'responsible');
  const substitute = alias(people, 'substitute');
  const manager = alias(people, 'manager');
  const rows = await db
    .select({
      organization: organizations.name,
      account: accounts.name,
      key: accounts.key,
      channel: accounts.channel,
      address: accounts.url,
      responsible: responsible.name,
      substitute: substitute.name,
      manager: manager.name,
      active: accounts.active,
    })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.orgId))
    .leftJoin(responsible, eq(responsible.id, accounts.responsibleId))
    .leftJoin(substitute, eq(substitute.id, accounts.substituteId))
    .leftJoin(manager, eq(manager.id, accounts.managerId))
    .where(and(inArray(accounts.orgId, [...orgIds]), eq(accounts.active, true)))
    .orderBy(asc(accounts.orgId), asc(accounts.channel), asc(accounts.name));
  return rows;
}

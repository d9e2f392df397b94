/**
 * The directory file: an organization's people (with chat identities) and accounts (with their
 * responsible officer, substitute and manager). YAML, validated like policies: errors name the file,
 * the field path and what is wrong. Pure: the caller reads the file.
 *
 *   organization: hofors            # the organization key (its policy file's name)
 *   people:
 *     - { key: anna.berg, name: Anna Berg, title: Informationssamordnare, role: manager, slack: U01ABCDEF, teams: "29:1a2b…", email: anna.berg@hofors.se }
 *   accounts:
 *     - { key: facebook, name: Hofors kommun, channel: facebook, external_id: "112233445566778", responsible: erik.lind, substitute: maria.ek, manager: anna.berg }
 *     - { key: blogg, name: Kommunbloggen, channel: blog, external_id: hofors-blogg, responsible: maria.ek }
 *     # a platform account may name where its API credential is (never the value; docs/platform-clients.md)
 *     - { key: x, name: "@hoforskommun", channel: x, external_id: "1400…", responsible: maria.ek, credentials: { secrets: hofors-x } }
 *   sources:                          # generic webhook sources and the accounts each may post for (directory-sources.ts)
 *     - { name: hofors-blogg, accounts: [blogg] }
 */
import { parseDocument } from 'yaml';
import { yamlData } from '../yaml-data.js';
import * as z from 'zod';
import { PolicyError, problemsFromZod, type PolicyProblem } from '../policy/errors.js';
import { CredentialRefSchema } from '../platform/credentials.js';
import { CHANNEL_KINDS, platformOf } from '../policy/vocabulary.js';
import { SOURCE_NAME, SOURCE_NAME_RULE, sourceProblems } from './directory-sources.js';

const key = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'keys are lower case letters, digits, ".", "_" and "-"');

const person = z.strictObject({
  key,
  name: z.string().min(1),
  title: z.string().optional(),
  role: z.enum(['officer', 'manager']).default('officer'),
  language: z.enum(['sv', 'en']).optional(),
  email: z.string().email().optional(),
  slack: z.string().regex(/^[UW][A-Z0-9]+$/, 'a Slack user id looks like U01ABCDEF').optional(),
  teams: z.string().min(1).optional(),
});

const account = z.strictObject({
  key,
  name: z.string().min(1),
  channel: z.enum(CHANNEL_KINDS, { message: `channel must be one of: ${CHANNEL_KINDS.join(', ')}` }),
  external_id: z.union([z.string().min(1), z.number().int().transform(String)]),
  url: z.string().url().optional(),
  responsible: key,
  substitute: key.optional(),
  manager: key.optional(),
  /** where the account's platform credential is: { env: NAME } or { secrets: NAME } */
  credentials: CredentialRefSchema.optional(),
});

const source = z.strictObject({
  name: z.string().regex(SOURCE_NAME, SOURCE_NAME_RULE),
  accounts: z.array(key).min(1, 'a source is bound to at least one account'),
});

const directory = z.strictObject({ organization: key, people: z.array(person).min(1), accounts: z.array(account).default([]), sources: z.array(source).default([]) });

export type DirectoryData = z.output<typeof directory>;
export type DirectoryPerson = DirectoryData['people'][number];
export type DirectoryAccount = DirectoryData['accounts'][number];
export type DirectorySource = DirectoryData['sources'][number];

function crossChecks(d: DirectoryData): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const people = new Map<string, DirectoryPerson>();
  d.people.forEach((p, i) => {
    if (people.has(p.key)) problems.push({ path: `people[${i}].key`, message: `"${p.key}" appears twice` });
    people.set(p.key, p);
  });
  const accountKeys = new Set<string>();
  const platformIds = new Map<string, number>();
  d.accounts.forEach((a, i) => {
    if (accountKeys.has(a.key)) problems.push({ path: `accounts[${i}].key`, message: `"${a.key}" appears twice` });
    accountKeys.add(a.key);
    const id = `${a.channel}\u0000${a.external_id}`;
    const first = platformIds.get(id);
    if (first !== undefined) problems.push({ path: `accounts[${i}].external_id`, message: `the ${a.channel} account "${a.external_id}" is already accounts[${first}]` });
    else platformIds.set(id, i);
    for (const field of ['responsible', 'substitute', 'manager'] as const) {
      const k = a[field];
      if (k !== undefined && !people.has(k)) problems.push({ path: `accounts[${i}].${field}`, message: `"${k}" is not among people` });
    }
    if (a.substitute !== undefined && a.substitute === a.responsible) {
      problems.push({ path: `accounts[${i}].substitute`, message: 'the substitute must be someone other than the responsible officer' });
    }
    if (a.credentials !== undefined && platformOf(a.channel) === undefined) {
      problems.push({ path: `accounts[${i}].credentials`, message: `a ${a.channel} account has no platform API; credentials are for facebook, messenger, instagram and x accounts (a generic source signs with its own secret)` });
    }
    if (a.manager !== undefined && people.get(a.manager)?.role !== 'manager') {
      problems.push({ path: `accounts[${i}].manager`, message: `"${a.manager}" does not have role: manager` });
    }
  });
  problems.push(...sourceProblems(d.sources, new Map(d.accounts.map((a) => [a.key, a.channel]))));
  return problems;
}

export function parseDirectory(text: string, source: string): DirectoryData {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new PolicyError(source, doc.errors.map((e) => ({ path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })), 'directory');
  const converted = yamlData(doc);
  if (!converted.ok) throw new PolicyError(source, [{ path: '', message: converted.message }], 'directory');
  const data: unknown = converted.data;
  const result = directory.safeParse(data);
  if (!result.success) throw new PolicyError(source, problemsFromZod(result.error.issues, data), 'directory');
  const problems = crossChecks(result.data);
  if (problems.length > 0) throw new PolicyError(source, problems, 'directory');
  return result.data;
}

/**
 * The drizzle schema. Migrations in migrations/ are generated from it by drizzle-kit
 * (`npx drizzle-kit generate`), committed, and never edited after merge.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { storableJson } from './storable.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * jsonb whose strings (and keys) are made storable on the way in: NUL and lone surrogates, which
 * PostgreSQL's jsonb refuses, become U+FFFD (src/db/storable.ts). Every jsonb column uses it.
 */
const jsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(storableJson(value)),
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
});

/** bytes, exactly: a Buffer in, a Buffer out (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: unknown }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (typeof value === 'string' ? Buffer.from(value.replace(/^\\x/, ''), 'hex') : Buffer.from(value as Uint8Array)),
});

export const organizations = pgTable('organizations', {
  /** the key: the policy file's name without .yaml ("hofors") */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  language: text('language').notNull(),
  /** the policy file's text, as applied (re-validated on load) */
  policyYaml: text('policy_yaml').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organizations.id),
    /** the directory file's key for the person ("anna.berg") */
    key: text('key').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    role: text('role').notNull(), // officer | manager
    language: text('language'),
    email: text('email'),
    slackUserId: text('slack_user_id'),
    teamsUserId: text('teams_user_id'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('people_org_key').on(t.orgId, t.key)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organizations.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    /** the platform's id of the account (page id, Instagram account id, X user id, generic account key) */
    externalId: text('external_id').notNull(),
    url: text('url'),
    responsibleId: integer('responsible_id').references(() => people.id),
    substituteId: integer('substitute_id').references(() => people.id),
    managerId: integer('manager_id').references(() => people.id),
    active: boolean('active').notNull().default(true),
    /** where the account's platform credential is ({ env } or { secrets }); never the value itself */
    credentialsRef: jsonb('credentials_ref').$type<{ env: string } | { secrets: string }>(),
  },
  (t) => [uniqueIndex('accounts_org_key').on(t.orgId, t.key), uniqueIndex('accounts_channel_external').on(t.channel, t.externalId)],
);

/**
 * Generic webhook sources (POST /webhooks/generic) and the accounts each may post for, from the
 * directory files (`sources:`). A name is unique in the deployment (its secret is
 * SVARSTID_SOURCE_SECRET_<NAME>) and belongs to one organization; its bindings are replaced
 * whenever that organization's directory is applied.
 */
export const sources = pgTable('sources', {
  name: text('name').primaryKey(),
  orgId: text('org_id').notNull().references(() => organizations.id),
});

export const sourceAccounts = pgTable(
  'source_accounts',
  {
    source: text('source').notNull().references(() => sources.name, { onDelete: 'cascade' }),
    accountId: integer('account_id').notNull().references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.source, t.accountId] })],
);

/**
 * REST API tokens: an organization's (org_id set) or a deployment administrator's (org_id null).
 * Only the SHA-256 of the token is kept; the token is shown once, when created.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    /** null: a deployment-admin token (every organization, and the unrouted messages) */
    orgId: text('org_id').references(() => organizations.id),
    name: text('name').notNull(),
    /** lowercase hex SHA-256 of the token */
    hash: text('hash').notNull(),
    createdAt: instant('created_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.hash)],
);

export const absences = pgTable(
  'absences',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id').notNull().references(() => people.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    substituteId: integer('substitute_id').references(() => people.id),
    note: text('note'),
    createdAt: instant('created_at').notNull(),
    /** who registered it (the person themself, or a manager for a colleague); null: before this was recorded, or the admin */
    registeredBy: integer('registered_by').references(() => people.id),
    /** who ended it early (`tillbaka`), when someone did */
    endedBy: integer('ended_by').references(() => people.id),
  },
  (t) => [index('absences_person').on(t.personId, t.startsAt)],
);

/**
 * What a webhook delivery brought, byte for byte (the archive: the inquiries' text and `raw` hold
 * U+FFFD where PostgreSQL cannot hold a character, the body holds the original). Kept for deliveries
 * that created at least one inquiry; each such inquiry references it. Retention erases the body with
 * the first of its inquiries (the body holds their text).
 */
export const deliveries = pgTable('deliveries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** the source that sent it: meta | x | generic:<source name> */
  source: text('source').notNull(),
  receivedAt: instant('received_at').notNull(),
  /** the request body exactly as received; null once erased */
  body: bytea('body'),
  erasedAt: instant('erased_at'),
});

export const inquiries = pgTable(
  'inquiries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** null while unrouted (no account in the directory) */
    orgId: text('org_id').references(() => organizations.id),
    accountId: integer('account_id').references(() => accounts.id),
    source: text('source').notNull(),
    channel: text('channel').notNull(),
    accountExternalId: text('account_external_id').notNull(),
    externalId: text('external_id').notNull(),
    authorId: text('author_id'),
    authorName: text('author_name'),
    authorHandle: text('author_handle'),
    text: text('text'),
    url: text('url'),
    inReplyTo: text('in_reply_to'),
    receivedAt: instant('received_at').notNull(),
    deadline: instant('deadline'),
    allowedMinutes: integer('allowed_minutes'),
    state: text('state').notNull(),
    assigneeId: integer('assignee_id').references(() => people.id),
    answeredAt: instant('answered_at'),
    closedAt: instant('closed_at'),
    closeReason: text('close_reason'),
    registered: boolean('registered').notNull().default(false),
    caseNumber: text('case_number'),
    personalData: jsonb('personal_data').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    removed: boolean('removed').notNull().default(false),
    removedReason: text('removed_reason'),
    /** the platform's payload for this message, archived (U+FFFD where PostgreSQL cannot hold a character; the exact bytes are in its delivery) */
    raw: jsonb('raw').notNull(),
    /** the delivery that brought it (its exact bytes); null for inquiries stored before deliveries were kept, or not from a webhook */
    deliveryId: bigint('delivery_id', { mode: 'number' }).references(() => deliveries.id),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** optimistic concurrency: every change bumps it */
    version: integer('version').notNull().default(1),
    /** ever forwarded (a 'forwarded' event exists): for the reports, which count it without joining events */
    forwarded: boolean('forwarded').notNull().default(false),
    /** retention (gallring): when text, author, personal data and the raw payload were erased */
    erasedAt: instant('erased_at'),
    /**
     * Answer metrics, set by the core at the answer transition (working positions need the policy's
     * calendar, which SQL does not have): answered with no working time between the deadline and the
     * answer (null without a deadline), and the working time from arrival to answer. Null while
     * unanswered; reports fill in rows answered before these columns existed (src/db/report-store.ts).
     */
    answeredOnTime: boolean('answered_on_time'),
    answerWorkingMs: bigint('answer_working_ms', { mode: 'number' }),
    /**
     * Catch-up (src/catchup): when svarstid found this message by reading the account on the platform,
     * because no webhook had delivered it, and why it came late (svarstid_down | not_delivered). Null
     * for messages a webhook delivered.
     */
    caughtUpAt: instant('caught_up_at'),
    lateReason: text('late_reason'),
    /** a private message (Messenger, Instagram Direct, X DM): the citizen's id, naming the conversation an own reply there answers; null for public posts */
    privateConversation: text('private_conversation'),
  },
  (t) => [
    uniqueIndex('inquiries_idempotency').on(t.channel, t.accountExternalId, t.externalId),
    index('inquiries_org_state_deadline').on(t.orgId, t.state, t.deadline),
    index('inquiries_account').on(t.accountId),
    /** an own reply in a private conversation: the active inquiries of that conversation */
    index('inquiries_conversation').on(t.channel, t.accountExternalId, t.privateConversation).where(sql`private_conversation is not null`),
    // what is overdue now, nearest deadline first (reports, the managers' status)
    index('inquiries_active_deadline').on(t.orgId, t.deadline, t.id).where(sql`state in ('open', 'claimed', 'forwarded')`),
    /** reports: an organization's inquiries received in a week or year */
    index('inquiries_org_received').on(t.orgId, t.receivedAt),
    /** reports: answered inquiries still without answer metrics (answered before 0003, or without a policy) */
    index('inquiries_unmeasured').on(t.orgId).where(sql`state = 'answered' and answer_working_ms is null`),
    /** retention: finished, unregistered inquiries not yet erased, by when they were finished */
    index('inquiries_erasable')
      .on(t.orgId, sql`coalesce(closed_at, answered_at)`)
      .where(sql`erased_at is null and registered = false and state in ('answered', 'closed')`),
  ],
);

export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inquiryId: bigint('inquiry_id', { mode: 'number' }).notNull().references(() => inquiries.id),
    type: text('type').notNull(),
    /** "person:12", "system", "source:meta", "cli" */
    actor: text('actor').notNull(),
    at: instant('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('events_inquiry').on(t.inquiryId, t.id),
  ],
);

/**
 * Planned reminders. Unique per (inquiry, kind, role): re-planning never duplicates, several
 * instances never double-send. A pending row is claimed by a worker for a lease (claimed_until);
 * a stale claim (crashed worker) is taken over when the lease has passed.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inquiryId: bigint('inquiry_id', { mode: 'number' }).notNull().references(() => inquiries.id),
    orgId: text('org_id'),
    kind: text('kind').notNull(),
    role: text('role').notNull(),
    dueAt: instant('due_at').notNull(),
    /** pending | sent | failed | cancelled | superseded (a later moment of the same inquiry was due at once: only that one is sent) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: instant('claimed_until'),
    sentAt: instant('sent_at'),
    /** person ids delivered to so far (a retry skips them) */
    deliveredTo: jsonb('delivered_to').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('reminders_key').on(t.inquiryId, t.kind, t.role),
    index('reminders_due').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/**
 * Once-per-period jobs (daily digest, weekly summary, retention): the instance that inserts the key
 * runs it, and sets finished_at when done. A claim that was never finished (its instance died, or the
 * database went away midway) may be claimed again once it is older than the job lease.
 */
export const jobs = pgTable('jobs', {
  key: text('key').primaryKey(),
  claimedBy: text('claimed_by').notNull(),
  /** when it was (last) claimed */
  createdAt: instant('created_at').notNull(),
  finishedAt: instant('finished_at'),
});

/**
 * Where a chat platform can reach a person: a Teams conversation reference (stored when the bot is
 * installed or first messaged, used for proactive reminders) or a Slack DM channel.
 */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    /** slack | teams */
    platform: text('platform').notNull(),
    /** the platform's user id (Slack U…, Teams 29:… or the AAD object id) */
    userId: text('user_id').notNull(),
    /** the platform's conversation reference, as the adapter needs it to send */
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.userId] })],
);

/** Chat platform deliveries already handled (Slack event/trigger ids, Teams activity ids), so a redelivery to any instance is not acted on twice. Pruned after a day. */
export const chatDeliveries = pgTable(
  'chat_deliveries',
  {
    platform: text('platform').notNull(),
    key: text('key').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.key] }), index('chat_deliveries_received').on(t.receivedAt)],
);

/**
 * Catch-up per account (src/catchup): where the last reconciliation with the platform got to
 * (`cursor`: the platform reader's own state, e.g. the last seen time or X's since_id), when it last
 * ran to its end, when it may run next (the interval, or a platform's rate-limit wait), and which
 * notices the managers have been given and not yet seen recover. `leased_by`/`lease_until`: the
 * instance reconciling it now; another instance claims it only when the lease has passed.
 */
export const catchupAccounts = pgTable('catchup_accounts', {
  accountId: integer('account_id').primaryKey().references(() => accounts.id),
  cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  lastRunAt: instant('last_run_at'),
  nextRunAt: instant('next_run_at'),
  /** a platform's rate-limit wait or a failure's backoff: not even the run on start goes before it */
  waitUntil: instant('wait_until'),
  failures: integer('failures').notNull().default(0),
  notices: jsonb('notices').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  leasedBy: text('leased_by'),
  leaseUntil: instant('lease_until'),
});

/**
 * Answers svarstid posts to a platform for an officer (src/answers/post-answer.ts): one row per
 * answer, keyed by the inquiry and the exact text, so a retry (a redelivered button, a second press,
 * an API client trying again, a transient platform error) never posts twice. `attempts` counts calls
 * to the platform: when one ended without a clear answer (a timeout, a 5xx), the next attempt first
 * looks on the platform for the reply. A pending row is held by one attempt at a time (held_until).
 */
export const answers = pgTable(
  'answers',
  {
    id: serial('id').primaryKey(),
    inquiryId: bigint('inquiry_id', { mode: 'number' }).notNull().references(() => inquiries.id),
    orgId: text('org_id').notNull().references(() => organizations.id),
    personId: integer('person_id').references(() => people.id),
    /** who asked: person:12 (chat), api:token:3 as person:12 … */
    actor: text('actor').notNull(),
    /** answer | registration (the citizen told that the matter is registered) */
    kind: text('kind').notNull(),
    /** sha256 of inquiry id and text */
    key: text('key').notNull(),
    text: text('text').notNull(),
    /** pending | posted | refused */
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    heldUntil: instant('held_until'),
    replyId: text('reply_id'),
    replyUrl: text('reply_url'),
    /** the platform's refusal (PlatformError code), for the trail */
    errorCode: text('error_code'),
    createdAt: instant('created_at').notNull(),
    postedAt: instant('posted_at'),
  },
  (t) => [uniqueIndex('answers_key').on(t.key), index('answers_inquiry').on(t.inquiryId)],
);

/**
 * Archive records of moderation (src/moderation): before svarstid hides or removes a message on the
 * platform it saves the full original, every version it has (edits), and its context (the post it was
 * under, the neighbouring comments) — Nässjö 13, Arvidsjaur 8, Gotland. A record of its own: it stays
 * whatever the platform answers (a refusal leaves it `refused`, the inquiry unchanged).
 */
export const archives = pgTable(
  'archives',
  {
    id: serial('id').primaryKey(),
    inquiryId: bigint('inquiry_id', { mode: 'number' }).notNull().references(() => inquiries.id),
    orgId: text('org_id').notNull().references(() => organizations.id),
    personId: integer('person_id').references(() => people.id),
    /** person:12, or api:token:3 acting as person:12 */
    actor: text('actor').notNull(),
    /** hide | remove | archive (no platform action: a generic source) */
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    /** the message as svarstid received it: text, author, url, the platform's payload */
    original: jsonb('original').notNull(),
    /** every version svarstid has, oldest first (the edits of the trail) */
    versions: jsonb('versions').notNull(),
    /** the post it was under and its neighbours, as the platform showed them before the action; or why they could not be read */
    context: jsonb('context').notNull(),
    /** archived (the platform not yet asked) | done | refused */
    state: text('state').notNull(),
    /** the platform's answer: its body for done, the PlatformError code and status for refused */
    platformResult: jsonb('platform_result'),
    createdAt: instant('created_at').notNull(),
    doneAt: instant('done_at'),
  },
  (t) => [index('archives_inquiry').on(t.inquiryId)],
);

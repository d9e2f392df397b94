/**
 * Everything svarstid writes, as an officer reads it, in one reviewed file per language
 * (__snapshots__/texts.sv.md, texts.en.md): every reminder, digest, queue, status, absence, refusal,
 * parse error, help, dialog, button and weekly summary, rendered through the real renderers from the
 * text catalogue (src/texts). A change to any text shows up here as a diff to read. The tour reads
 * every entry of the catalogue (checked below), so no text escapes the snapshot.
 */
import { describe, expect, it } from 'vitest';
import { renderNotification, renderPeriodReport, formatDate, formatDateTime, formatDuration, formatWorkingTimeLeft, channelName, onChannel, personalDataName, quote, reminderHint } from '../../../adapters/chat-text/index.js';
import { actionLabel, DIALOGS, reasonChoices } from '../../../adapters/chat-text/dialogs.js';
import { renderCard, renderQueue, renderReply } from '../../../adapters/chat-text/replies.js';
import { teamsManifest } from '../../../adapters/teams/package/manifest.js';
import { answerUnavailableWhy, illegalTransitionText, outcomeText, REFUSALS, stateName } from '../../../src/chat/texts.js';
import { INQUIRY_ACTIONS, type ChatReply } from '../../../src/chat/types.js';
import { errorText, helpText } from '../../../src/commands/messages.js';
import type { Language } from '../../../src/commands/types.js';
import { STATES } from '../../../src/inquiries/model.js';
import { EMPTY_FIGURES, type Figures, type PeriodReport } from '../../../src/reports/model.js';
import { isoWeek } from '../../../src/reports/period.js';
import { commandForm, TEXTS, type Catalogue } from '../../../src/texts/index.js';
import { joinList } from '../../../src/texts/join.js';
import { at } from '../../support/calendar-builder.js';
import { error } from '../../commands/helpers.js';
import { catchupNotice, deliveryFailed, digest, HOUR, MINUTE, person, reminder, summary } from './builders.js';

const NOW = at('2026-11-24T12:15');
const ZONE = 'Europe/Stockholm';

/** Every leaf of a catalogue read while `run` runs: the paths, "dialogs.forward.intro". */
function reading<T>(lang: Language, run: () => T): { result: T; read: Set<string> } {
  const read = new Set<string>();
  const original = TEXTS[lang];
  const wrap = (o: object, path: string): object =>
    new Proxy(o, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return value;
        const p = path ? `${path}.${key}` : key;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) return wrap(value, p);
        read.add(p);
        return value;
      },
    });
  (TEXTS as Record<Language, Catalogue>)[lang] = wrap(original, '') as Catalogue;
  try {
    return { result: run(), read };
  } finally {
    (TEXTS as Record<Language, Catalogue>)[lang] = original;
  }
}

function leaves(o: unknown, path = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [path];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const figures = (o: Partial<Figures>): Figures => ({ ...EMPTY_FIGURES, ...o });

function weekReport(): PeriodReport {
  const period = isoWeek('2026-W47', ZONE);
  const previousPeriod = isoWeek('2026-W46', ZONE);
  const cur = figures({ received: 12, answered: 9, onTime: 8, late: 1, onTimeShare: 8 / 9, medianWorkingMs: 2 * HOUR + 10 * MINUTE, p90WorkingMs: 6 * HOUR, forwarded: 2, registered: 1, closed: 4, removed: [{ reason: 'reklam/spam', count: 2 }], removedByAuthor: 1 });
  const prev = figures({ received: 10, answered: 10, onTime: 10, onTimeShare: 1, medianWorkingMs: HOUR, p90WorkingMs: 3 * HOUR, closed: 1, removed: [{ reason: 'personangrepp', count: 1 }] });
  return {
    orgId: 'hofors', organization: 'Hofors kommun', timezone: ZONE, period, previousPeriod, madeAt: at('2026-11-23T08:00'),
    total: { current: cur, previous: prev },
    accounts: [
      { accountId: 1, accountName: 'Hofors kommun', channel: 'facebook', current: cur, previous: prev },
      { accountId: 2, accountName: 'Kommunbloggen', channel: 'blog', current: EMPTY_FIGURES, previous: EMPTY_FIGURES },
      { accountId: 3, accountName: 'Chatten på hofors.se', channel: 'chat', current: EMPTY_FIGURES, previous: EMPTY_FIGURES },
    ],
    officers: [{ personId: 2, name: 'Erik Lind', current: { handled: 9, onTime: 8 }, previous: { handled: 10, onTime: 10 } }],
    unrouted: [{ channel: 'x', current: 1, previous: 0 }],
    overdueByAccount: new Map([[1, 21]]),
    overdueTotal: 21,
    overdue: [{ id: 40, accountName: 'Hofors kommun', channel: 'facebook', url: 'https://www.facebook.com/hoforskommun/posts/40', deadline: at('2026-11-20T10:00'), workingTimeOverdue: 3 * HOUR + 30 * MINUTE }],
    unattended: [
      { accountId: 2, accountName: 'Kommunbloggen', channel: 'blog', waiting: 3, oldestDeadline: at('2026-10-26T16:00') },
      { accountId: 3, accountName: 'Chatten på hofors.se', channel: 'chat', waiting: 1, oldestDeadline: at('2026-11-02T09:00') },
    ],
  };
}

function tour(lang: Language): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', `## ${title}`, '');
  const block = (label: string, text: string) => out.push(`### ${label}`, '', ...text.split('\n').map((l) => `    ${l}`), '');
  const line = (label: string, text: string) => out.push(`- ${label}: ${text}`);
  const t = TEXTS[lang];
  const slack = commandForm('slack');

  section('Påminnelser / reminders (Slack and Teams show the same lines)');
  // each moment with the time left it comes at (policies/hofors.yaml's reminders)
  const left = { heads_up: 3 * HOUR + 45 * MINUTE, due_soon: 45 * MINUTE, deadline: 0, overdue: -2 * HOUR, forwarded: 2 * HOUR + 15 * MINUTE } as const;
  for (const moment of ['heads_up', 'due_soon', 'deadline', 'overdue', 'forwarded'] as const) {
    const deadline = NOW + left[moment];
    const n = reminder({ moment, language: lang, inquiry: summary({ workingTimeLeft: left[moment], deadline }), ...(moment === 'forwarded' && { forwardedBy: { name: 'Erik Lind', reason: 'Du kan sophämtningen' } }) });
    block(moment, renderNotification(n, NOW).fallback);
  }
  block('forwarded without a reason', renderNotification(reminder({ moment: 'forwarded', language: lang, forwardedBy: { name: 'Erik Lind', reason: null } }), NOW).lines[0]!);
  block('as substitute, with the personal-data warning', renderNotification(reminder({ language: lang, routedVia: { intendedId: 2, intendedName: 'Erik Lind', reason: 'absent', until: at('2026-11-28T00:00') }, inquiry: summary({ channel: 'messenger', personalData: ['personnummer', 'phone'] }) }), NOW).fallback);
  block('as substitute for someone who is not available, a deadline passed, no author, no text', renderNotification(reminder({ moment: 'overdue', language: lang, routedVia: { intendedId: 2, intendedName: 'Erik Lind', reason: 'absent', until: NOW - 1 }, inquiry: summary({ authorName: null, text: null, workingTimeLeft: -HOUR, deadline: at('2026-11-24T09:00'), assigneeName: null }) }), NOW).fallback);
  for (const state of ['claimed', 'forwarded', 'open'] as const) line(`overdue, who has it (${state})`, renderNotification(reminder({ moment: 'overdue', language: lang, inquiry: summary({ state, workingTimeLeft: -HOUR }) }), NOW).lines.at(-1)!);
  line('no response time for the channel', renderNotification(reminder({ language: lang, inquiry: summary({ deadline: null, workingTimeLeft: null, url: null }) }), NOW).lines.at(-1)!);
  line('hint (Facebook)', reminderHint({ channel: 'facebook' }, lang));
  line('hint (chat)', reminderHint({ channel: 'chat' }, lang));
  line('hint (a channel kind svarstid has no name for)', reminderHint({ channel: 'forum' }, lang));

  section('Knappar och dialoger / buttons and dialogs');
  line('buttons', INQUIRY_ACTIONS.map((a) => actionLabel(a, lang)).join(' · '));
  for (const [action, d] of Object.entries(DIALOGS)) {
    line(`${action}: title · submit`, `${d.title(lang)} · ${d.submit(lang)}`);
    line(`${action}: intro`, d.intro(lang, 42));
    for (const f of d.fields) line(`${action}.${f.name}`, f.kind === 'text' ? `${f.label(lang)} — ${f.hint(lang)}` : `${f.label(lang)} — ${f.missing(lang)}`);
  }
  line('cancel · choose a person · search', `${t.dialogs.cancel} · ${t.dialogs.choosePerson} · ${t.dialogs.forward.toSearch}`);
  line('close reasons', reasonChoices(lang).map((r) => r.title).join(', '));
  line('pager', `${t.pager.previous} · ${t.pager.next} · ${t.pager.showing(21, 40, 45)}`);

  section('Efter en åtgärd / after an action');
  const card = { summary: summary({ state: 'claimed' as const }), registered: true, caseNumber: 'KS 2026/123', actions: [], timezone: ZONE, language: lang };
  block('the card after claim', renderCard(outcomeText(42, 'Erik Lind', { type: 'claim' }, lang), card, NOW).fallback);
  for (const o of [
    { type: 'forward', to: 'Maria Ek', reason: 'Du kan sophämtningen' },
    { type: 'forward', to: 'Maria Ek' },
    { type: 'done' },
    { type: 'close', reason: 'reklam/spam', note: 'köp klockor' },
    { type: 'close', reason: 'annat' },
    { type: 'register', caseNumber: 'KS 2026/123' },
    { type: 'register', caseNumber: null },
    { type: 'answer', on: 'på X', link: 'https://x.com/i/web/status/1' },
    { type: 'answer', on: 'i Messenger', link: null },
    { type: 'told', on: 'på Facebook' },
    { type: 'hide', on: 'på Facebook', reason: 'personangrepp' },
    { type: 'remove', on: 'på Instagram', reason: 'annat', note: 'dubblett' },
    { type: 'archived', reason: 'reklam/spam' },
  ] as const) line(`outcome ${o.type}`, outcomeText(42, 'Erik Lind', o, lang));
  line('registered without a number', renderCard('x', { ...card, caseNumber: null }, NOW).lines.at(-1)!);
  line('states', STATES.map((s) => stateName(s, lang)).join(' · '));

  section('Lista, läget, frånvaro / list, status, absence');
  const many = Array.from({ length: 45 }, (_, i) => summary({ id: i + 1 }));
  const q = { person: person(), mine: [summary({ id: 7, state: 'claimed' })], unclaimed: [summary({ id: 8, channel: 'x', accountName: '@hoforskommun' })], timezone: ZONE, language: lang };
  block('lista', renderQueue(q).fallback);
  block('lista, empty', renderQueue({ ...q, mine: [], unclaimed: [] }).fallback);
  block('lista, page 3 of a long list', renderQueue({ ...q, mine: many }, { mine: 3, unclaimed: 1 }).fallback);
  line('App Home (Slack): its two headers, and when it was made', `${t.queue.mine} · ${t.queue.unclaimed} · ${t.queue.updated(formatDateTime(NOW, ZONE, NOW, lang))}`);
  const status = (active: number, unclaimed: number, overdue: number, unrouted: number): ChatReply => ({ kind: 'status', language: lang, status: { orgId: 'hofors', channels: [{ channel: 'facebook', active, unclaimed, overdue }], overdue: overdue ? [summary({ workingTimeLeft: -HOUR })] : [], unrouted, timezone: ZONE } });
  block('sammanfattning, one of each', renderReply(status(1, 1, 1, 1), NOW).fallback);
  block('sammanfattning, several', renderReply(status(3, 2, 0, 2), NOW).fallback);
  block('sammanfattning, nothing', renderReply({ kind: 'status', language: lang, status: { orgId: 'hofors', channels: [], overdue: [], unrouted: 0, timezone: ZONE } }, NOW).fallback);
  const away = { kind: 'absence' as const, action: 'away' as const, startsAt: at('2026-11-26T00:00'), endsAt: at('2026-11-28T00:00'), substituteName: 'Maria Ek', timezone: ZONE, language: lang };
  block('frånvaro, whole days, starting later', renderReply(away, NOW).fallback);
  block('frånvaro from a time to a time, no substitute', renderReply({ ...away, startsAt: at('2026-11-25T13:00'), endsAt: at('2026-11-27T12:00'), substituteName: null }, NOW).fallback);
  line('frånvaro, an end that cannot be printed', renderReply({ ...away, startsAt: NOW - 1, endsAt: Infinity }, NOW).title);
  line('tillbaka', renderReply({ ...away, action: 'back' }, NOW).title);
  line('frånvaro for a colleague, with a substitute', renderReply({ ...away, forName: 'Erik Lind' }, NOW).title);
  line('frånvaro for a colleague, no substitute', renderReply({ ...away, substituteName: null, forName: 'Erik Lind' }, NOW).title);
  const notice = { type: 'absence_notice' as const, action: 'away' as const, to: 'absent' as const, byName: 'Anna Berg', absentName: 'Erik Lind', substituteName: 'Maria Ek', startsAt: at('2026-11-26T00:00'), endsAt: at('2026-11-28T00:00'), timezone: ZONE, language: lang };
  block('notice to the absent person, registered by a manager', renderNotification(notice, NOW).fallback);
  line('… no substitute', renderNotification({ ...notice, substituteName: null }, NOW).lines[0]!);
  line('notice to the substitute, from a manager', renderNotification({ ...notice, to: 'substitute' }, NOW).lines[0]!);
  line('notice to the substitute, from the absent person', renderNotification({ ...notice, to: 'substitute', byName: 'Erik Lind' }, NOW).lines[0]!);
  line('notice of the end, to the absent person', renderNotification({ ...notice, action: 'back' }, NOW).fallback.replace('\n', ' | '));
  block('konton', renderReply({ kind: 'registry', organization: 'Hofors kommun', language: lang, accounts: [
    { organization: 'Hofors kommun', account: 'Hofors kommun', key: 'facebook', channel: 'facebook', address: 'https://www.facebook.com/hoforskommun', responsible: 'Erik Lind', substitute: 'Maria Ek', manager: 'Anna Berg', active: true },
    { organization: 'Hofors kommun', account: 'Kommunbloggen', key: 'blogg', channel: 'blog', address: null, responsible: null, substitute: null, manager: 'Anna Berg', active: true },
  ] }, NOW).fallback);
  line('konton, none', renderReply({ kind: 'registry', organization: 'Hofors kommun', language: lang, accounts: [] }, NOW).lines.join(' | '));
  line('tillbaka for a colleague', renderReply({ ...away, action: 'back', forName: 'Erik Lind' }, NOW).title);
  block('lista with a covered question', renderQueue({ ...q, mine: [summary({ id: 9, covering: { name: 'Erik Lind', until: at('2026-11-28T00:00') } })] }).fallback);

  section('Morgonlistan / the daily digest');
  block('two questions and one message to no account', renderNotification(digest({ language: lang, inquiries: [summary(), summary({ id: 43, workingTimeLeft: null, deadline: null })], unrouted: [summary({ id: 44, accountName: 'Okänd sida', channel: 'instagram', state: 'unrouted' })] }), NOW).fallback);
  block('none', renderNotification(digest({ language: lang }), NOW).fallback);
  block('a manager’s, with a covered question and the team view', renderNotification(digest({
    language: lang,
    inquiries: [summary({ id: 45, covering: { name: 'Erik Lind', until: at('2026-11-28T00:00') } })],
    team: { people: [{ name: 'Erik Lind', open: 3, overdue: 1, away: { until: at('2026-11-28T00:00'), coveredBy: ['Anna Berg'] } }, { name: 'Maria Ek', open: 1, overdue: 0 }, { name: 'Olle Sten', open: 1, overdue: 1, away: { until: null, coveredBy: [] } }], unattended: 2 },
  }), NOW).fallback);
  line('more than fit', renderNotification(digest({ language: lang, inquiries: Array.from({ length: 31 }, (_, i) => summary({ id: i + 1 })) }), NOW).lines.at(-1)!);

  section('Till chefen / to the manager');
  block('a reminder could not be delivered', renderNotification(deliveryFailed({ language: lang }), NOW).fallback);
  line('… to someone unknown', renderNotification(deliveryFailed({ language: lang, intendedName: '', error: '' }), NOW).lines.join(' | '));
  section('Catch-up / what svarstid found itself');
  block('a reminder about a message found late (svarstid was down)', renderNotification(reminder({ language: lang, moment: 'deadline', inquiry: summary({ late: { foundAt: at('2026-11-24T08:02'), reason: 'svarstid_down' } }) }), NOW).fallback);
  line('… the platform never delivered it', renderNotification(reminder({ language: lang, inquiry: summary({ late: { foundAt: at('2026-11-24T08:02'), reason: 'not_delivered' } }) }), NOW).lines.find((l) => l.includes('2026') || l.includes('08:02'))!);
  block('a webhook gone silent (Meta)', renderNotification(catchupNotice({ language: lang }), NOW).fallback);
  line('… one message, X', renderNotification(catchupNotice({ language: lang, count: 1, platform: 'x', channel: 'x', accountName: '@hoforskommun' }), NOW).lines.slice(0, 2).join(' | '));
  block('the app no longer subscribed', renderNotification(catchupNotice({ language: lang, cause: 'unsubscribed' }), NOW).fallback);
  block('an expired token (Meta)', renderNotification(catchupNotice({ language: lang, cause: 'token_invalid' }), NOW).fallback);
  line('… (X)', renderNotification(catchupNotice({ language: lang, cause: 'token_invalid', platform: 'x' }), NOW).lines.join(' | '));
  line('a permission missing', renderNotification(catchupNotice({ language: lang, cause: 'permission' }), NOW).lines.join(' | '));
  line('no credential', renderNotification(catchupNotice({ language: lang, cause: 'credential_missing', detail: 'HOFORS_FACEBOOK_TOKEN is not set' }), NOW).lines.join(' | '));

  block('the weekly summary', renderPeriodReport(weekReport(), lang, true).fallback.replaceAll('\u00a0', ' '));
  const year = isoWeek('2026-W47', ZONE);
  block('the yearly key figures, a quiet year', renderPeriodReport({ ...weekReport(), period: { ...year, kind: 'year', label: '2026' }, previousPeriod: { ...year, kind: 'year', label: '2025' }, total: { current: EMPTY_FIGURES, previous: EMPTY_FIGURES }, accounts: [], officers: [], unrouted: [], overdueByAccount: new Map(), overdueTotal: 0, overdue: [] }, lang, false).fallback);

  section('Avvisningar / refusals');
  const r = REFUSALS[lang];
  const join = (items: readonly string[]) => joinList(items, lang, 'or');
  line('unknown_user (Hofors, one manager)', r.unknown_user({ name: 'Hofors kommun', contacts: ['Anna Berg (Informationssamordnare)'] }, join));
  line('unknown_user (Region Gotland, two managers)', r.unknown_user({ name: 'Region Gotland', contacts: ['Ingrid Larsson (Kommunikationsdirektör)', 'Per Holm'] }, join));
  line('unknown_user (an organization without managers)', r.unknown_user({ name: 'Nässjö kommun', contacts: [] }, join));
  line('unknown_user (organization not known: Teams)', r.unknown_user(undefined, join));
  line('not_found (Slack)', r.not_found(42, slack));
  line('not_found (Teams)', r.not_found(42, commandForm('teams')));
  line('wrong_organization', r.wrong_organization(42));
  line('unknown_person', r.unknown_person('olle'));
  line('ambiguous_person', r.ambiguous_person('anna', 'Anna Berg, Anna Ek'));
  line('inactive_person', r.inactive_person);
  line('summary_managers_only', r.summary_managers_only);
  line('yearly_managers_only', r.yearly_managers_only);
  // what the state machine refuses: anything but closing or registering a message no account has, anything but registering a finished question
  for (const [state, actions] of [['unrouted', ['claim', 'forward', 'done', 'register']], ['answered', ['claim', 'forward', 'done', 'close']], ['closed', ['claim', 'forward', 'done', 'close']]] as const) {
    for (const a of actions) line(`illegal_transition (${state}, ${a})`, illegalTransitionText(42, state, a, lang));
  }
  line('already_claimed', r.already_claimed(42, 'Erik Lind'));
  line('already_yours', r.already_yours(42));
  line('already_registered', `${r.already_registered(42, 'KS 2026/123')} / ${r.already_registered(42, null)}`);
  line('unknown_reason', r.unknown_reason);
  line('note_required', r.note_required);
  line('concurrent_change', r.concurrent_change(42));
  line('illegal_transition (answered, answer)', illegalTransitionText(42, 'answered', 'answer', lang));

  section('Svara / answering the citizen (src/answers)');
  const a = t.answering;
  line('no Svara button (a token not set)', a.unavailable(answerUnavailableWhy('environment variable HOFORS_PAGE_TOKEN is not set', lang)));
  for (const why of ['secrets file entry "hofors-x" is not set', 'the directory names no credentials for this account', "X_CONSUMER_KEY and X_CONSUMER_SECRET (the X app's keys) are not set", 'SVARSTID_SOURCE_CALLBACK_HOFORS_BLOGG is not set (the source\'s answer URL)', 'SVARSTID_SOURCE_SECRET_HOFORS_BLOGG is not set', 'the message reached no account of the directory', 'the account is no longer in the directory', 'a Meta page access token is one value, not a map']) line(`why (${why.split(' ').slice(0, 3).join(' ').replace(/"/g, '')} …)`, answerUnavailableWhy(why, lang));
  line('empty', a.empty);
  line('too_long', a.too_long(281, 280, 'på X'));
  line('signature_missing', a.signature_missing('Karin, kommunikatör'));
  line('no_credentials', a.no_credentials('x'));
  line('not_supported', a.not_supported);
  line('in_progress', a.in_progress(42));
  line('window_closed', a.window_closed(42));
  line('human_agent_unavailable', a.human_agent_unavailable(42));
  line('platform_rate_limited', a.platform_rate_limited(42, 10));
  for (const code of ['token_invalid', 'permission', 'not_allowed', 'window_closed', 'recipient_unavailable', 'not_found', 'unavailable', 'invalid_request', 'no_credentials'] as const) line(`platform_${code}`, a[`platform_${code}`](42));
  section('Dölj och ta bort / hide and remove (src/moderation)');
  const mo = t.moderation;
  line('no buttons (a private message)', mo.unavailable(mo.private_message));
  for (const code of ['private_message', 'x_remove', 'not_hideable'] as const) line(code, mo[code]);
  line('no_credentials', mo.no_credentials(answerUnavailableWhy('environment variable HOFORS_PAGE_TOKEN is not set', lang)));
  for (const code of ['platform_token_invalid', 'platform_permission', 'platform_not_allowed', 'platform_not_found', 'platform_unavailable', 'platform_other'] as const) line(code, mo.refused(42, mo[code]));
  line('platform_rate_limited', mo.refused(42, mo.platform_rate_limited(10)));
  line('registerNow (Slack)', mo.registerNow(42, commandForm('slack')));
  line('policeQuestion (Teams)', mo.policeQuestion(42, commandForm('teams')));
  line('police', `${mo.police(true)} / ${mo.police(false)}`);
  line('secure: done', mo.secureDone(joinList([mo.steps.hide, mo.steps.register, mo.steps.answer], lang, 'and')));
  line('secure: nothing new', mo.secureNothing);
  line('secure: skipped', mo.secureSkipped(mo.private_message));
  line('secure: failed', mo.secureFailed(t.actions.answer, t.answering.platform_permission(42)));
  for (const a of ['hide', 'remove', 'secure'] as const) line(`illegal_transition (answered, ${a})`, illegalTransitionText(42, 'answered', a, lang));
  for (const [code, text] of Object.entries(r.absence)) line(`absence.${code}`, text);
  for (const [code, text] of Object.entries(r.absenceFor)) line(`absenceFor.${code}`, text('Erik Lind'));

  section('Kommandon som inte förstods / commands not understood (Slack; Teams without /svarstid)');
  for (const [code, text] of [
    ['unknown_command', 'bzzt 5'], ['unknown_command, a typo', 'stnag 42 spam'], ['missing_id', 'ta'], ['bad_id', 'klar abc'], ['missing_person', 'skicka 42'],
    ['bad_person', 'skicka 42 <#C0123|allmänt>'], ['missing_reason', 'stäng 42'], ['missing_text', 'svara 42'], ['unknown_reason', 'stäng 42 spma'], ['missing_note', 'stäng 42 annat'], ['missing_answer', 'polisanmälan 42 kanske'], ['missing_date', 'frånvaro'],
    ['missing_end_date', 'frånvaro i dag @anna.berg'], ['bad_date', 'frånvaro 32/12 1/1'], ['bad_period', 'frånvaro 5/12/2026 1/12/2026'], ['too_many_arguments', 'klar 42 43'], ['bad_year', 'årsuppföljning 1999'],
  ] as const) line(`${code} (”${text}”)`, errorText(error(text), lang));
  line('missing_id in Teams', errorText(error('ta'), lang, 'teams'));

  section('Hjälpen / help');
  block('Slack', helpText(lang, undefined, 'slack'));
  block('Teams', helpText(lang, undefined, 'teams'));
  block('one command (stäng)', helpText(lang, 'close', 'slack'));

  section('Teams');
  line('image missing', t.teams.imageMissing);
  line('a foreign button', t.teams.badAction);
  line('a tenant no organization is bound to', t.teams.unboundTenant);
  line('a button pressed twice', t.teams.alreadyDone);
  const m = teamsManifest({ appId: '6f1c2b9e-2a41-4c55-9d0e-1b2c3d4e5f60', publicUrl: 'https://svarstid.example.se', version: '1.0.0' }) as any;
  if (lang === 'sv') {
    line('app name', m.name.full);
    line('app, short', m.description.short);
    line('app, full', m.description.full);
    for (const c of m.bots[0].commandLists[0].commands) line(`menu: ${c.title}`, c.description);
  } else {
    line('app name', t.teams.appName);
    line('app, short', t.teams.appShort);
    line('app, full', t.teams.appFull);
  }

  section('Ord och tider / words and times');
  line('dates', [at('2026-11-23T10:00'), at('2026-11-24T10:00'), at('2026-11-25T10:00'), at('2026-11-27T10:00'), at('2027-01-08T10:00')].map((ms) => formatDateTime(ms, ZONE, NOW, lang)).join(' · '));
  line('a date', formatDate('2026-11-25', lang));
  line('durations', [formatDuration(2 * HOUR + 15 * MINUTE, lang), formatDuration(30_000, lang), formatWorkingTimeLeft(HOUR, lang), formatWorkingTimeLeft(-5 * MINUTE, lang), formatWorkingTimeLeft(0, lang)].join(' · '));
  line('channels', Object.keys(t.channels).map((k) => `${channelName(k, lang)} (${onChannel(k, lang)})`).join(', '));
  line('personal data', ['personnummer', 'samordningsnummer', 'phone', 'email'].map((k) => personalDataName(k, lang)).join(', '));
  line('lists', `${joinList(['a', 'b', 'c'], lang)} · ${joinList(['a', 'b'], lang, 'or')}`);
  line('quote', `${quote('Hej', 10, lang)} · ${quote(null, 10, lang)}`);
  return `# svarstid: ${lang === 'sv' ? 'alla texter på svenska' : 'every text in English'}\n${out.join('\n')}\n`;
}

describe.each(['sv', 'en'] as const)('every text in %s, as an officer reads it', (lang) => {
  const { result, read } = reading(lang, () => tour(lang));

  it('matches the reviewed snapshot', async () => {
    await expect(result).toMatchFileSnapshot(`__snapshots__/texts.${lang}.md`);
  });

  it('reads every entry of the catalogue (nothing is left out of the snapshot)', () => {
    const unread = leaves(TEXTS[lang]).filter((p) => !read.has(p));
    expect(unread).toEqual([]);
  });

  it('never writes ASCII quotes, nor "idag" / "imorgon" in Swedish', () => {
    expect(result).not.toContain('"');
    if (lang === 'sv') expect(result).not.toMatch(/\bidag\b|\bimorgon\b|\bigår\b/);
  });
});

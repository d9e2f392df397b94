/**
 * The chat service: what Slack and Teams share. A platform user and a ChatCommand (typed, or from a
 * button) in; a ChatReply out. It finds the person in the directory, resolves the people a command
 * names, runs the use cases (act, absences) and says what happened in the person's language. No
 * platform and no business rule lives here that the use cases do not already decide.
 */
import { errorText, helpText, parseCommand, type ChatCommand, type Language } from '../commands/index.js';
import { act } from '../inquiries/act.js';
import { InquiryError } from '../inquiries/errors.js';
import type { Inquiry } from '../inquiries/model.js';
import type { Command } from '../inquiries/state-machine.js';
import { AbsenceError, endAbsence, registerAbsence } from '../people/absences.js';
import type { Person } from '../reminders/model.js';
import type { ChatServiceDeps } from './ports.js';
import { joinList } from '../texts/join.js';
import { commandForm } from '../texts/index.js';
import { actionsFor, answerUnavailableWhy, illegalTransitionText, outcomeText, REFUSALS, type Outcome } from './texts.js';
import { AnswerError } from '../answers/errors.js';
import { DateTime } from 'luxon';
import { texts } from '../texts/index.js';
import type { AnswerAvailability, InquirySummary, ModerationOffer, Notification } from '../reminders/model.js';
import { ModerationError } from '../moderation/errors.js';
import { recordPoliceReport } from '../moderation/police-report.js';
import { reasonRule } from '../policy/moderation.js';
import type { Capability } from '../moderation/ports.js';
import type { CloseReason } from '../inquiries/model.js';
import type { ChatPlatform, ChatReply, ChatUser, InquiryCard, QueueView, RefusalCode } from './types.js';

class Refusal {
  constructor(
    readonly code: RefusalCode,
    readonly text: string,
  ) {}
}

export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  /** The language a person reads: their own, else their organization's policy, else Swedish. */
  languageOf(person: Person | undefined, orgId?: string): Language {
    return person?.language ?? this.deps.policyOf(person?.orgId ?? orgId ?? '')?.language ?? 'sv';
  }

  /** The person behind a platform user, or undefined (an unknown user gets `unknownUser`). */
  identify(user: ChatUser): Promise<Person | undefined> {
    return this.deps.directory.personOf(user);
  }

  /**
   * The polite refusal for a platform user who is not in the directory. When the workspace tells the
   * organization (Slack), it names the organization and its managers, in the organization's own
   * words (policy name, directory names and titles); else it names no organization at all.
   */
  async unknownUser(user: ChatUser): Promise<Extract<ChatReply, { kind: 'refused' }>> {
    const policy = this.deps.policyOf(user.orgId ?? '');
    const language = policy?.language ?? 'sv';
    const managers = policy ? (await this.deps.directory.peopleOf(user.orgId!)).filter((p) => p.role === 'manager') : [];
    const org = policy && { name: policy.organization, contacts: managers.map((m) => (m.title ? `${m.name} (${m.title})` : m.name)) };
    const text = REFUSALS[language].unknown_user(org || undefined, (items) => joinList(items, language, 'or'));
    return { kind: 'refused', code: 'unknown_user', text, language };
  }

  /** `/svarstid …` text or a Teams message. */
  async handleText(user: ChatUser, text: string, now: number): Promise<ChatReply> {
    const person = await this.identify(user);
    if (!person) return this.unknownUser(user);
    const language = this.languageOf(person);
    const parsed = parseCommand(text, { now, timezone: this.zone(person) });
    if (!parsed.ok) return { kind: 'refused', code: 'parse_error', text: errorText(parsed.error, language, user.platform), language };
    return this.run(person, parsed.command, now, user.platform);
  }

  /** A command from a button or a modal (already typed): the same path as text. */
  async handle(user: ChatUser, command: ChatCommand, now: number): Promise<ChatReply> {
    const person = await this.identify(user);
    if (!person) return this.unknownUser(user);
    return this.run(person, command, now, user.platform);
  }

  /** The person's queue (App Home, `lista`). */
  async queue(person: Person, now: number): Promise<QueueView> {
    const { mine, unclaimed } = await this.deps.inquiries.queue(person, now);
    const language = this.languageOf(person);
    return { person, mine: await this.withAnswer(mine, person, language), unclaimed: await this.withAnswer(unclaimed, person, language), timezone: this.zone(person), language };
  }

  /** Whether `person` can answer the inquiry from chat, with the reason in their words when not. */
  async answerability(inquiryId: number, person: Person, language: Language = this.languageOf(person)): Promise<AnswerAvailability | undefined> {
    const a = await this.deps.answering?.availability(inquiryId, person);
    if (!a || a.ok) return a;
    return { ok: false, reason: texts(language).answering.unavailable(answerUnavailableWhy(a.reason, language)) };
  }

  /** The summaries with the viewer's answering (the Svara button, or the line saying why not) and moderation (Dölj / Ta bort). */
  async withAnswer(items: readonly InquirySummary[], person: Person, language: Language): Promise<InquirySummary[]> {
    if (!this.deps.answering && !this.deps.moderation) return [...items];
    return Promise.all(items.map(async (i) => {
      const answer = this.deps.answering ? await this.answerability(i.id, person, language) : undefined;
      const moderation = await this.moderationOffer(i.id, person, language);
      return { ...i, ...(answer && { answer }), ...(moderation && { moderation }) };
    }));
  }

  /** Whether `person` can hide or remove the inquiry's message from chat, with why not in their words. */
  async moderationOffer(inquiryId: number, person: Person, language: Language = this.languageOf(person)): Promise<ModerationOffer | undefined> {
    const o = await this.deps.moderation?.offer(inquiryId, person);
    if (!o) return undefined;
    const t = texts(language).moderation;
    const whyOf = (c: Capability): string | undefined => (c.ok ? undefined : c.code === 'no_credentials' ? t.no_credentials(answerUnavailableWhy(c.message, language)) : t[c.code]);
    // one sentence: the private-message reason covers both; otherwise the first missing action's
    const why = whyOf(o.hide) ?? whyOf(o.remove);
    return { hide: o.hide.ok, remove: o.remove.ok, ...(o.personalData && { secure: true }), ...(why !== undefined && { why: t.unavailable(why) }) };
  }

  /** `dölj` / `radera`: archive first, then hide or remove on the platform, and close (src/moderation). */
  private async moderate(person: Person, action: 'hide' | 'remove', id: number, reason: CloseReason, note: string | undefined, now: number, language: Language, platform: ChatPlatform): Promise<ChatReply> {
    const moderation = this.deps.moderation;
    const t = texts(language).moderation;
    if (!moderation) throw new Refusal('moderation_refused', t.refused(id, t.platform_other));
    try {
      const out = await moderation.run({ inquiryId: id, personId: person.id, action, reason, ...(note !== undefined && { note }) });
      const outcome: Outcome = out.result === null ? { type: 'archived', reason, ...(note !== undefined && { note }) } : { type: action, on: this.channelAt(out.inquiry.channel, language), reason, ...(note !== undefined && { note }) };
      // what the guidelines ask next (policy moderation:): register the removed material (Gotland), consider a police report (Hofors 2.6)
      const rule = reasonRule(this.deps.policyOf(person.orgId), reason);
      const c = commandForm(platform);
      const next = [rule.register && !out.inquiry.registered ? t.registerNow(id, c) : undefined, rule.police ? t.policeQuestion(id, c) : undefined].filter((s) => s !== undefined);
      return { kind: 'acted', text: [outcomeText(id, person.name, outcome, language), ...next].join(' '), card: await this.card(out.inquiry, now, language, person), language };
    } catch (e) {
      if (e instanceof ModerationError) throw new Refusal('moderation_refused', this.moderationRefusal(e, id, language));
      if (e instanceof InquiryError) return this.refuseInquiry(e, person, id, { type: action, on: '', reason }, language, platform);
      throw e;
    }
  }

  /** "Dölj och för över till diariet": what was done, what was skipped and why, and the step that failed. */
  private async secure(person: Person, id: number, caseNumber: string | undefined, now: number, language: Language, platform: ChatPlatform): Promise<ChatReply> {
    const moderation = this.deps.moderation;
    const t = texts(language).moderation;
    if (!moderation) throw new Refusal('moderation_refused', t.refused(id, t.platform_other));
    const out = await moderation.secure({ inquiryId: id, personId: person.id, ...(caseNumber !== undefined && { caseNumber }) });
    const done = out.steps.filter((s) => s.status === 'done').map((s) => t.steps[s.step]);
    const lines = [`#${id} – ${person.name} ${done.length > 0 ? t.secureDone(joinList(done, language, 'and')) : t.secureNothing}`];
    for (const s of out.steps) {
      if (s.status === 'skipped') lines.push(t.secureSkipped(this.moderationRefusal(s.error, id, language)));
      if (s.status === 'failed') lines.push(t.secureFailed(texts(language).actions[s.step === 'answer' ? 'answer' : s.step === 'register' ? 'register' : 'hide'], await this.whyFailed(s.error, person, id, language, platform)));
    }
    const kind = out.complete || done.length > 0 ? 'acted' : 'refused';
    if (kind === 'refused') return { kind: 'refused', code: 'moderation_refused', text: lines.join(' '), language };
    return { kind: 'acted', text: lines.join(' '), card: await this.card(out.inquiry, now, language, person), language };
  }

  private async whyFailed(e: ModerationError | AnswerError | InquiryError, person: Person, id: number, language: Language, platform: ChatPlatform): Promise<string> {
    if (e instanceof ModerationError) return this.moderationRefusal(e, id, language);
    if (e instanceof AnswerError) return this.answerRefusal(e, id, language);
    try {
      return await this.refuseInquiry(e, person, id, { type: 'claim' }, language, platform);
    } catch (r) {
      if (r instanceof Refusal) return r.text;
      return e.message;
    }
  }

  private moderationRefusal(e: ModerationError, id: number, language: Language): string {
    const t = texts(language).moderation;
    switch (e.code) {
      case 'private_message':
      case 'x_remove':
      case 'not_hideable':
        return t[e.code];
      case 'no_credentials':
        return t.no_credentials(answerUnavailableWhy(e.detail.message ?? e.message, language));
      case 'platform_token_invalid':
      case 'platform_permission':
      case 'platform_not_allowed':
      case 'platform_not_found':
      case 'platform_unavailable':
        return t.refused(id, t[e.code]);
      case 'platform_rate_limited':
        return t.refused(id, t.platform_rate_limited(Math.max(1, Math.ceil((e.detail.retryAfterMs ?? 60_000) / 60_000))));
      default:
        return t.refused(id, t.platform_other);
    }
  }

  /** The active people an inquiry may be forwarded to (Teams' picker), the person themself excluded. */
  async forwardees(person: Person): Promise<Person[]> {
    return (await this.deps.directory.peopleOf(person.orgId)).filter((p) => p.id !== person.id);
  }

  private zone(person: Person): string {
    return this.deps.policyOf(person.orgId)?.timezone ?? 'Europe/Stockholm';
  }

  private async run(person: Person, command: ChatCommand, now: number, platform: ChatPlatform): Promise<ChatReply> {
    const language = this.languageOf(person);
    try {
      return await this.dispatch(person, command, now, language, platform);
    } catch (e) {
      if (e instanceof Refusal) return { kind: 'refused', code: e.code, text: e.text, language };
      if (e instanceof AbsenceError) return { kind: 'refused', code: e.code === 'not_allowed' ? 'not_allowed' : 'absence', text: REFUSALS[language].absence[e.code], language };
      throw e;
    }
  }

  private async dispatch(person: Person, c: ChatCommand, now: number, language: Language, platform: ChatPlatform): Promise<ChatReply> {
    const t = REFUSALS[language];
    const act = (id: number, command: Command, outcome: Outcome) => this.act(person, id, command, outcome, now, language, platform);
    switch (c.type) {
      case 'help':
        return { kind: 'text', text: helpText(language, c.topic, platform), language };
      case 'list': {
        const queue = await this.queue(person, now);
        return { kind: 'queue', queue, language };
      }
      case 'accounts': {
        const rows = (await this.deps.registry?.(person.orgId)) ?? [];
        return { kind: 'registry', organization: this.deps.policyOf(person.orgId)?.organization ?? person.orgId, accounts: rows, language };
      }
      case 'summary': {
        if (person.role !== 'manager') throw new Refusal('not_allowed', t.summary_managers_only);
        return { kind: 'status', status: await this.deps.inquiries.status(person.orgId, now), language };
      }
      case 'yearly': {
        if (person.role !== 'manager' || !this.deps.yearlyReport) throw new Refusal('not_allowed', t.yearly_managers_only);
        const year = c.year ?? DateTime.fromMillis(now, { zone: this.zone(person) }).year - 1;
        return { kind: 'report', report: await this.deps.yearlyReport(person.orgId, year, now), language };
      }
      case 'away': {
        const absent = c.person ? await this.person(person.orgId, c.person, language) : person;
        const substitute = c.substitute ? await this.person(person.orgId, c.substitute, language) : null;
        const absence = await this.forAbsent(absent, person, language, () =>
          registerAbsence(this.deps.absences, { personId: absent.id, startsAt: c.from, endsAt: c.to, substituteId: substitute?.id ?? null }, now, person),
        );
        const forName = absent.id === person.id ? {} : { forName: absent.name };
        const notice = { action: 'away' as const, byName: person.name, absentName: absent.name, substituteName: substitute?.name ?? null, startsAt: absence.startsAt, endsAt: absence.endsAt };
        if (absent.id !== person.id) await this.tellOfAbsence(absent, { ...notice, to: 'absent' }, `absence:${absence.id}:away:${absent.id}`);
        if (substitute && substitute.id !== person.id) await this.tellOfAbsence(substitute, { ...notice, to: 'substitute' }, `absence:${absence.id}:away:${substitute.id}`);
        return { kind: 'absence', action: 'away', startsAt: absence.startsAt, endsAt: absence.endsAt, substituteName: substitute?.name ?? null, ...forName, timezone: this.zone(person), language };
      }
      case 'back': {
        const absent = c.person ? await this.person(person.orgId, c.person, language) : person;
        const absence = await this.forAbsent(absent, person, language, () => endAbsence(this.deps.absences, absent.id, now, person));
        const forName = absent.id === person.id ? {} : { forName: absent.name };
        if (absent.id !== person.id) {
          await this.tellOfAbsence(absent, { action: 'back', to: 'absent', byName: person.name, absentName: absent.name, substituteName: null, startsAt: absence.startsAt, endsAt: absence.endsAt }, `absence:${absence.id}:back:${absent.id}`);
        }
        return { kind: 'absence', action: 'back', startsAt: absence.startsAt, endsAt: absence.endsAt, substituteName: null, ...forName, timezone: this.zone(person), language };
      }
      case 'claim':
        return act(c.inquiryId, { type: 'claim', by: person.id }, { type: 'claim' });
      case 'answer':
        return this.answer(person, c.inquiryId, c.text, now, language, platform);
      case 'done':
        return act(c.inquiryId, { type: 'answer', by: person.id }, { type: 'done' });
      case 'close':
        return act(c.inquiryId, { type: 'close', by: person.id, reason: c.reason, ...(c.note !== undefined && { note: c.note }) }, { type: 'close', reason: c.reason, ...(c.note !== undefined && { note: c.note }) });
      case 'secure':
        return this.secure(person, c.inquiryId, c.caseNumber, now, language, platform);
      case 'police': {
        const t = texts(language).moderation;
        try {
          const inquiry = await recordPoliceReport(this.deps.act, { inquiryId: c.inquiryId, personId: person.id, made: c.made, ...(c.note !== undefined && { note: c.note }) }, now);
          return { kind: 'acted', text: `#${c.inquiryId} – ${person.name} ${t.police(c.made)}`, card: await this.card(inquiry, now, language, person), language };
        } catch (e) {
          if (e instanceof InquiryError) return this.refuseInquiry(e, person, c.inquiryId, { type: 'claim' }, language, platform);
          throw e;
        }
      }
      case 'hide':
      case 'remove':
        return this.moderate(person, c.type, c.inquiryId, c.reason, c.note, now, language, platform);
      case 'register':
        return act(c.inquiryId, { type: 'register', by: person.id, ...(c.caseNumber !== undefined && { caseNumber: c.caseNumber }) }, { type: 'register', caseNumber: c.caseNumber ?? null });
      case 'forward': {
        const to = await this.person(person.orgId, c.to, language);
        const reply = await act(c.inquiryId, { type: 'forward', by: person.id, to: to.id, ...(c.reason !== undefined && { reason: c.reason }) }, { type: 'forward', to: to.name, ...(c.reason !== undefined && { reason: c.reason }) });
        if (reply.kind === 'acted' && to.id !== person.id) await this.tellForwardee(to, person, reply.card, c.reason ?? null, now);
        return reply;
      }
    }
  }

  /** Runs an absence use case for `absent`; a refusal about a colleague names them. */
  private async forAbsent<T>(absent: Person, actor: Person, language: Language, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof AbsenceError) || absent.id === actor.id) throw e;
      const t = REFUSALS[language];
      if (e.code === 'overlaps' || e.code === 'not_absent' || e.code === 'self_substitute' || e.code === 'wrong_organization') throw new Refusal('absence', t.absenceFor[e.code](absent.name));
      throw e;
    }
  }

  private async person(orgId: string, ref: Parameters<ChatServiceDeps['directory']['resolve']>[1], language: Language): Promise<Person> {
    const match = await this.deps.directory.resolve(orgId, ref);
    if (match.ok) return match.person;
    const name = ref.kind === 'name' ? ref.name : ref.kind === 'slack' ? `<@${ref.userId}>` : ref.id;
    const t = REFUSALS[language];
    if (match.reason === 'ambiguous') throw new Refusal('ambiguous_person', t.ambiguous_person(name, (match.candidates ?? []).join(', ')));
    throw new Refusal('unknown_person', t.unknown_person(name));
  }

  /** `svara`: the answer posted where the citizen wrote (src/answers); a refusal says what happened and what to do. */
  private async answer(person: Person, id: number, text: string, now: number, language: Language, platform: ChatPlatform): Promise<ChatReply> {
    const answering = this.deps.answering;
    const t = texts(language).answering;
    if (!answering) throw new Refusal('answer_refused', t.not_supported);
    try {
      const out = await answering.post({ inquiryId: id, personId: person.id, text });
      const on = this.channelAt(out.inquiry.channel, language);
      return { kind: 'acted', text: outcomeText(id, person.name, { type: 'answer', on, link: out.posted.url }, language), card: await this.card(out.inquiry, now, language, person), language };
    } catch (e) {
      if (e instanceof AnswerError) throw new Refusal('answer_refused', await this.answerRefusal(e, id, language));
      if (e instanceof InquiryError) return this.refuseInquiry(e, person, id, { type: 'answer', on: '', link: null }, language, platform);
      throw e;
    }
  }

  private channelAt(channel: string, language: Language): string {
    const c = texts(language).channels as Record<string, { at: string } | undefined>;
    return c[channel]?.at ?? texts(language).otherChannel(channel).at;
  }

  private async answerRefusal(e: AnswerError, id: number, language: Language): Promise<string> {
    const t = texts(language).answering;
    const inquiry = await this.deps.act.store.get(id);
    switch (e.code) {
      case 'empty':
        return t.empty;
      case 'too_long':
        return t.too_long(e.detail.length ?? 0, e.detail.limit ?? 0, this.channelAt(inquiry?.channel ?? '', language));
      case 'signature_missing':
        return t.signature_missing(e.detail.signature ?? '');
      case 'no_credentials':
        return t.no_credentials(answerUnavailableWhy(e.detail.message ?? e.message, language));
      case 'not_supported':
        return t.not_supported;
      case 'in_progress':
        return t.in_progress(id);
      case 'window_closed':
        return t.window_closed(id);
      case 'human_agent_unavailable':
        return t.human_agent_unavailable(id);
      case 'platform_rate_limited':
        return t.platform_rate_limited(id, Math.max(1, Math.ceil((e.detail.retryAfterMs ?? 60_000) / 60_000)));
      default:
        return t[e.code](id);
    }
  }

  private async refuseInquiry(e: InquiryError, person: Person, id: number, outcome: Outcome, language: Language, platform: ChatPlatform): Promise<never> {
    const t = REFUSALS[language];
    {
      const current = e.code === 'not_found' ? undefined : await this.deps.act.store.get(id);
      switch (e.code) {
        case 'not_found':
          throw new Refusal('not_found', t.not_found(id, commandForm(platform)));
        case 'wrong_organization':
          throw new Refusal('wrong_organization', t.wrong_organization(id));
        case 'unknown_person':
          throw new Refusal('unknown_person', t.inactive_person);
        case 'illegal_transition':
          throw new Refusal('illegal_transition', illegalTransitionText(id, current?.state, outcome.type, language));
        case 'already_claimed': {
          const who = current?.assigneeId != null ? (await this.deps.directory.peopleOf(person.orgId)).find((p) => p.id === current.assigneeId)?.name : undefined;
          throw new Refusal('already_claimed', t.already_claimed(id, who ?? '?'));
        }
        case 'already_yours':
          throw new Refusal('already_yours', t.already_yours(id));
        case 'already_registered':
          throw new Refusal('already_registered', t.already_registered(id, current?.caseNumber ?? null));
        case 'unknown_reason':
          throw new Refusal('unknown_reason', t.unknown_reason);
        case 'note_required':
          throw new Refusal('unknown_reason', t.note_required);
        case 'concurrent_change':
          throw new Refusal('concurrent_change', t.concurrent_change(id));
        case 'unchanged':
          throw e; // only the platform's edits are refused so, never an officer's command
      }
    }
    throw e;
  }

  private async act(person: Person, id: number, command: Command, outcome: Outcome, now: number, language: Language, platform: ChatPlatform): Promise<ChatReply> {
    let inquiry: Inquiry;
    try {
      inquiry = await act(this.deps.act, id, command, now);
    } catch (e) {
      if (!(e instanceof InquiryError)) throw e;
      return this.refuseInquiry(e, person, id, outcome, language, platform);
    }
    return { kind: 'acted', text: outcomeText(id, person.name, outcome, language), card: await this.card(inquiry, now, language, person), language };
  }

  private async card(inquiry: Inquiry, now: number, language: Language, viewer?: Person): Promise<InquiryCard> {
    const policy = inquiry.orgId ? this.deps.policyOf(inquiry.orgId) : undefined;
    const answer = viewer && this.deps.answering ? await this.answerability(inquiry.id, viewer, language) : undefined;
    const moderation = viewer ? await this.moderationOffer(inquiry.id, viewer, language) : undefined;
    const summary = await this.deps.inquiries.summary(inquiry, now);
    return {
      summary: { ...summary, ...(answer && { answer }), ...(moderation && { moderation }) },
      registered: inquiry.registered,
      caseNumber: inquiry.caseNumber,
      actions: actionsFor({ ...inquiry, answer, moderation }),
      ...(answer && { answer }),
      timezone: policy?.timezone ?? 'Europe/Stockholm',
      language,
    };
  }

  /** The absent person or the substitute hears of an absence someone else registered or ended; a failed notice is logged, the absence stands. */
  private async tellOfAbsence(to: Person, n: Omit<Extract<Notification, { type: 'absence_notice' }>, 'type' | 'timezone' | 'language'>, key: string): Promise<void> {
    if (!this.deps.notifier) return;
    try {
      await this.deps.notifier.send(to, { type: 'absence_notice', ...n, timezone: this.zone(to), language: this.languageOf(to) }, key);
    } catch (e) {
      this.deps.onNotifyError?.(e);
    }
  }

  /** The forwardee hears at once, with the inquiry's buttons; a failed notice is logged, the forward stands. */
  private async tellForwardee(to: Person, by: Person, card: InquiryCard, reason: string | null, now: number): Promise<void> {
    if (!this.deps.notifier) return;
    const language = this.languageOf(to);
    try {
      await this.deps.notifier.send(
        to,
        { type: 'reminder', moment: 'forwarded', inquiry: card.summary, timezone: card.timezone, language, forwardedBy: { name: by.name, reason } },
        `forwarded:${card.summary.id}:${to.id}:${now}`,
      );
    } catch (e) {
      this.deps.onNotifyError?.(e);
    }
  }
}

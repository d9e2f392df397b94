/**
 * Everything svarstid writes in English (policy or person `language: en`), by the same keys as sv.ts;
 * see the word list there. English keeps the guidelines' Swedish terms where an officer meets them
 * in the organization's own documents: the close reasons and "diarieförd" beside "registered".
 */
import type { Catalogue } from './index.js';

const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const DATE_FORMS = 'Write for example 2026-12-01, 1/12, today, tomorrow or monday, optionally with a time: 2026-12-01 13:00.';

export const en: Catalogue = {
  quotes: ['“', '”'],
  noText: '(no text)',
  unknownSender: 'unknown sender',
  and: 'and',
  or: 'or',

  dates: {
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    yesterday: 'yesterday',
    today: 'today',
    tomorrow: 'tomorrow',
    at: (day, clock) => `${day} at ${clock}`,
    through: (day) => `through ${day}`,
    until: (when) => `until ${when}`,
    untilFurtherNotice: 'until further notice',
  },

  durations: {
    hours: 'h',
    minutes: 'min',
    lessThanAMinute: 'less than 1 min',
    left: (d) => `${d} of working time left`,
    overdueBy: (d) => `overdue by ${d} of working time`,
    noneLeft: 'no working time left',
  },

  channels: {
    facebook: { name: 'Facebook', at: 'on Facebook' },
    messenger: { name: 'Messenger', at: 'in Messenger' },
    instagram: { name: 'Instagram', at: 'on Instagram' },
    instagram_dm: { name: 'Instagram (direct message)', at: 'in an Instagram direct message' },
    instagram_mention: { name: 'Instagram (mention)', at: 'in an Instagram mention' },
    x: { name: 'X', at: 'on X' },
    blog: { name: 'the blog', at: 'on the blog' },
    chat: { name: 'the chat', at: 'in the chat' },
    email: { name: 'email', at: 'by email' },
    web: { name: 'the web', at: 'on the web' },
    youtube: { name: 'YouTube', at: 'on YouTube' },
    linkedin: { name: 'LinkedIn', at: 'on LinkedIn' },
    tiktok: { name: 'TikTok', at: 'on TikTok' },
  },
  otherChannel: (kind) => ({ name: kind, at: `in the channel ${kind}` }),

  personalData: { personnummer: 'personal identity number', samordningsnummer: 'coordination number', phone: 'phone number', email: 'email address' },

  states: { unrouted: 'not linked to any account', open: 'not claimed', claimed: 'claimed', forwarded: 'forwarded', answered: 'answered', closed: 'closed' },

  actions: { claim: 'Claim', answer: 'Reply', forward: 'Forward', done: 'Answered', close: 'Close', register: 'Register', hide: 'Hide', remove: 'Remove', secure: 'Hide and move to the registry' },

  dialogs: {
    forward: {
      title: 'Forward',
      intro: (id) => `Forward question #${id} to a colleague. They get a message with the question.`,
      submit: 'Forward',
      to: 'To whom?',
      toMissing: 'Choose who the question should go to.',
      toSearch: 'Search by name or title',
      reason: 'Reason (optional)',
      reasonHint: 'Why should this person answer?',
    },
    close: {
      title: 'Close the question',
      intro: (id) => `Question #${id} is closed without an answer, with a reason from the guidelines' list.`,
      submit: 'Close the question',
      reason: 'Reason',
      reasonMissing: "Choose a reason from the guidelines' list.",
      note: 'Note (optional)',
      noteHint: 'For example what the post said',
    },
    register: {
      title: 'Register',
      intro: (id) => `Mark question #${id} as registered (diarieförd).`,
      submit: 'Register',
      caseNumber: 'Case number (optional)',
      caseNumberHint: 'For example KS 2026/123',
    },
    hide: {
      title: 'Hide the post',
      intro: (id) => `Question #${id} is archived in svarstid first (the post, every version and its context), then hidden on the platform and closed with the reason.`,
      submit: 'Archive and hide',
    },
    secure: {
      title: 'Hide and move to the registry',
      intro: (id) => `Question #${id} contains personal data. svarstid archives the post, hides it on the platform, registers the question and answers the citizen pointing to a secure channel. Each step is kept in the question's history.`,
      submit: 'Hide and move',
    },
    remove: {
      title: 'Remove the post',
      intro: (id) => `Question #${id} is archived in svarstid first (the post, every version and its context), then removed on the platform and closed with the reason. This cannot be undone on the platform.`,
      submit: 'Archive and remove',
    },
    answer: {
      title: 'Reply to the citizen',
      intro: (id) => `The reply to question #${id} is published where the question was asked, in the organization's name, and kept in the question's history with your name.`,
      submit: 'Send the reply',
      text: 'Reply',
      textHint: 'Write the reply above the signature',
    },
    cancel: 'Cancel',
    choosePerson: 'Choose a person.',
  },

  pager: {
    previous: 'Previous',
    next: 'Next',
    showing: (from, to, total) => `Showing ${from}–${to} of ${total}.`,
  },

  outcome: {
    claim: 'claimed the question.',
    forward: (to, reason) => `forwarded the question to ${to}${reason ? `: ${reason}` : '.'}`,
    done: 'marked the question as answered.',
    close: (reason, note) => `closed the question (${reason})${note ? `: ${note}` : '.'}`,
    register: (caseNumber) => `registered the question${caseNumber ? ` as ${caseNumber}` : ''}.`,
    answer: (on, link) => `replied ${on}${link ? ` (${link})` : ''}.`,
    told: (on) => `told the citizen ${on} that the matter is registered.`,
    hide: (on, reason, note) => `archived and hid the post ${on} (${reason})${note ? `: ${note}` : '.'}`,
    remove: (on, reason, note) => `archived and removed the post ${on} (${reason})${note ? `: ${note}` : '.'}`,
    archived: (reason, note) => `archived the post and closed the question (${reason})${note ? `: ${note}` : '.'} Remove it at the source yourself.`,
  },

  inquiry: {
    where: (id, account, on) => `Question #${id} to ${account} ${on}`,
    link: (url) => `Link: ${url}`,
    from: (author, when) => `From: ${author}, ${when}`,
    noResponseTime: 'No response time applies to this channel.',
    answerBy: (when, detail) => `Answer by ${when}${detail ? ` (${detail})` : ''}.`,
    ranOut: (when, detail) => `The response time ran out ${when}${detail ? ` (${detail})` : ''}.`,
    nobody: 'Nobody has claimed the question yet.',
    claimedBy: (who) => `${who} has claimed the question.`,
    forwardedTo: (who) => `Forwarded to ${who}, who has not claimed it yet.`,
    responsible: (who) => `${who} is responsible but has not claimed the question yet.`,
    personalData: (kinds, on) =>
      `Note: the question contains personal data (${kinds}). Do not continue the conversation ${on}: save the post, remove the data there and register the question, so that it is handled as a case.`,
    registered: (caseNumber) => `Registered${caseNumber ? `: ${caseNumber}` : ''}.`,
  },

  reminder: {
    titles: {
      heads_up: 'A question is waiting for an answer',
      due_soon: 'The response time is running out',
      deadline: 'The response time has run out',
      overdue: 'Overdue: the question is still unanswered',
      forwarded: 'A question has been forwarded to you',
    },
    substitute: (name, end) => `You are getting this as the substitute for ${name}, ${end ? `who is away ${end}` : 'who is not available'}.`,
    forwardedBy: (name, reason) => `${name} forwarded the question to you${reason ? `: ${reason}` : '.'}`,
    hint: (on) => `Answer ${on}, then press Answered. Everything you do here is recorded with your name.`,
    late: (found, reason) =>
      `Arrived late: svarstid learned of the message only ${found}, ${reason === 'svarstid_down' ? 'because svarstid was not running when it was written' : 'because the platform never delivered it to svarstid'}. The response time counts from when it was written.`,
  },

  digest: {
    title: (date) => `Your unanswered questions, ${date}`,
    none: 'You have no unanswered questions.',
    noResponseTime: 'no response time',
    unrouted: (count) => `Messages to accounts that are not in the directory (${count}):`,
    from: 'from',
    to: 'to',
    more: (count) => `… and ${count} more.`,
    covering: (name) => `you cover for ${name}`,
    team: {
      title: 'The team:',
      person: (name, open, overdue) => `${name}: ${n(open, 'unanswered', 'unanswered')}, of which ${n(overdue, 'overdue', 'overdue')}`,
      away: (until, coveredBy) => ` – away${until ? ` ${until}` : ''}, ${coveredBy ? `${coveredBy} covers` : 'nobody covers'}`,
      unattended: (count) => `${n(count, 'question reaches', 'questions reach')} nobody right now: the account has no responsible officer, or nobody can be reached.`,
    },
  },

  queue: {
    title: 'Unanswered questions',
    mine: 'Your questions',
    mineCount: (count) => `Your questions (${count}):`,
    noneMine: 'You have no unanswered questions.',
    unclaimed: 'Questions nobody has claimed',
    unclaimedCount: (count) => `Questions nobody has claimed (${count}):`,
    noneUnclaimed: 'All questions are claimed.',
    updated: (when) => `Updated ${when}`,
  },

  status: {
    title: 'The situation now',
    channel: (channel, active, unclaimed, overdue) => `${channel}: ${active} unanswered, ${unclaimed} not claimed and ${overdue} overdue`,
    none: 'No unanswered questions.',
    overdue: (count) => `Overdue questions (${count}):`,
    unrouted: (count) => `${n(count, 'message', 'messages')} came to accounts that are not in the directory.`,
  },

  registry: {
    title: (org) => `Registry of accounts for ${org}`,
    none: 'There are no accounts in the directory.',
    line: (account, on, address, responsible, substitute, manager) =>
      `${account} ${on}${address ? ` (${address})` : ''}: responsible ${responsible ?? 'nobody'}, substitute ${substitute ?? 'nobody'}, manager ${manager ?? 'nobody'}`,
  },

  absence: {
    away: (end, substitute) => `Absence registered ${end}.${substitute ? ` ${substitute} is your substitute and gets your reminders.` : ' Your reminders go to the substitutes of your accounts.'}`,
    starts: (when) => `It starts ${when}.`,
    back: 'Welcome back! Your reminders come to you again.',
    awayFor: (name, end, substitute) =>
      `Absence registered for ${name} ${end}.${substitute ? ` ${substitute} is the substitute and gets ${name}'s reminders.` : ` ${name}'s reminders go to the substitutes of the accounts.`}`,
    backFor: (name) => `${name}'s absence has ended. The reminders come to ${name} again.`,
  },

  absenceNotice: {
    awayTitle: 'Absence registered',
    backTitle: 'Absence ended',
    awayYou: (by, end, substitute) => `${by} has registered your absence ${end}.${substitute ? ` ${substitute} is your substitute and gets your reminders.` : ' Your reminders go to the substitutes of your accounts.'}`,
    awaySubstitute: (by, absent, end) =>
      `${by === absent ? `${absent} has registered their absence` : `${by} has registered an absence for ${absent}`} ${end}, with you as the substitute. You get ${absent}'s reminders meanwhile, and the questions show in your list.`,
    backYou: (by) => `${by} has ended your absence. The reminders come to you again.`,
  },

  refusals: {
    unknown_user: (org, join) =>
      org
        ? `Hello! I can't find you among ${org.name}'s officers in svarstid, so you can't handle questions here yet. Ask ${org.contacts.length > 0 ? join(org.contacts) : `whoever administers svarstid for ${org.name}`} to add you to the directory.`
        : "Hello! I can't find you among the officers in svarstid, so you can't handle questions here yet. Ask whoever administers svarstid in your organization to add you to the directory.",
    not_found: (id, c) => `There is no question #${id}. Type ${c('list')} to see your questions.`,
    wrong_organization: (id) => `Question #${id} belongs to another organization, so you can't handle it.`,
    unknown_person: (name) => `I can't find “${name}” in the directory. Mention the person with @ or write the full name.`,
    ambiguous_person: (name, candidates) => `Several people match “${name}”: ${candidates}. Mention the person with @ or write the full name.`,
    inactive_person: 'That person is no longer active in svarstid.',
    summary_managers_only: 'The summary is for managers only.',
    yearly_managers_only: 'The yearly follow-up is for managers only.',
    illegal_transition: (id, state, action) => `Question #${id} is ${state}, so it cannot be ${action}.`,
    stateNow: { unrouted: 'not linked to any account yet', answered: 'already answered', closed: 'already closed' },
    cannot: { claim: 'claimed', answer: 'replied to', forward: 'forwarded', done: 'marked as answered', close: 'closed', register: 'registered', hide: 'hidden', remove: 'removed', secure: 'moved to the registry' },
    already_claimed: (id, who) => `Question #${id} has already been claimed by ${who}.`,
    already_yours: (id) => `Question #${id} is already yours.`,
    already_registered: (id, caseNumber) => `Question #${id} is already registered${caseNumber ? ` (${caseNumber})` : ''}.`,
    unknown_reason: "That reason is not in the guidelines' list.",
    note_required: 'The reason “other” needs a note saying what it was. Write it in the Note field or after the reason.',
    concurrent_change: (id) => `Someone else changed question #${id} at the same time. Try again.`,
    absence: {
      bad_period: 'The absence must end after it starts, and must not have ended already.',
      overlaps: 'You already have an absence overlapping that period.',
      unknown_person: "I can't find the substitute in the directory.",
      wrong_organization: 'The substitute must belong to the same organization as you.',
      self_substitute: "You can't be your own substitute.",
      not_absent: 'You are not registered as away right now.',
      not_allowed: "Only managers can register or end a colleague's absence. Register your own absence without a name first.",
    },
    absenceFor: {
      overlaps: (name) => `${name} already has an absence overlapping that period.`,
      not_absent: (name) => `${name} is not registered as away right now.`,
      self_substitute: (name) => `${name} can't be their own substitute.`,
      wrong_organization: (name) => `The substitute must belong to the same organization as ${name}.`,
    },
  },

  parseErrors: {
    unknown_command: (given, _ex, c) => `I don't know the command “${given}”. Type ${c('help')} to see what I can do.`,
    missing_id: (_g, ex) => `Say which question, for example ${ex}.`,
    bad_id: (given, ex) => `“${given}” is not a question's number. Give the question's number, for example ${ex}.`,
    missing_person: (_g, ex) => `Say who the question should go to, for example ${ex}.`,
    bad_person: (given, ex) => `“${given}” is not a person. Mention the person with @, for example ${ex}.`,
    missing_reason: (_g, ex, _c, reasons) => `Say why the question is closed, for example ${ex}. Reasons: ${reasons}.`,
    unknown_reason: (given, _ex, _c, reasons) => `“${given}” is not a reason for closing a question. Reasons: ${reasons}.`,
    missing_date: (_g, ex) => `Say when you are away, for example ${ex}.`,
    missing_end_date: (_g, ex) => `Say also when the absence ends, after when it starts: for example ${ex}.`,
    bad_date: (given) => `I don't understand the date “${given}”. ${DATE_FORMS}`,
    bad_period: (given, ex) => `The absence “${given}” ends before it starts. Give first when it starts, then when it ends, for example ${ex}.`,
    missing_answer: (_g, ex) => `Answer yes or no: was a police report made? For example ${ex}.`,
    missing_note: (given) => `The reason “${given}” needs a note saying what it was, for example: close 42 other duplicate of #41.`,
    missing_text: (_g, ex) => `Write the reply after the question's number, for example ${ex}.`,
    bad_year: (given, ex) => `“${given}” is not a year I have figures for. Give a year from 2000 to 2099, for example ${ex}.`,
    too_many_arguments: (given, ex) => `I don't understand “${given}” at the end of the command. Write for example ${ex}.`,
  },
  didYouMean: (s) => ` Did you mean “${s}”?`,

  help: {
    title: (c) => `How to use ${c('').trim() || 'svarstid'}:`,
    teamsHowTo: 'Write the commands here in the chat with me. In a channel, mention @svarstid first, for example @svarstid list.',
    example: 'Example',
    reasons: 'Reasons for closing',
    other: 'Swedish commands work too (lista, ta, svara, skicka, klar, stäng, diarieför, frånvaro, tillbaka, sammanfattning, konton, årsuppföljning, hjälp).',
    entries: {
      list: { usage: 'list', explanation: 'show the questions you are responsible for and when they are due', example: 'list' },
      claim: { usage: 'claim ID', explanation: 'claim a question, so that you are responsible for the answer', example: 'claim 42' },
      answer: { usage: 'reply ID text', explanation: 'reply to the citizen where the question was asked (the reply is published and the question answered); end with your signature', example: 'reply 42 The pool opens on 1 December. Erik, communications officer' },
      forward: { usage: 'forward ID @person [reason]', explanation: 'forward a question to a colleague, preferably with a reason', example: 'forward 42 @anna.berg' },
      done: { usage: 'done ID', explanation: 'mark a question as answered', example: 'done 42' },
      close: { usage: 'close ID REASON [note]', explanation: 'close a question that needs no answer, with a reason and preferably a note', example: 'close 42 spam' },
      secure: { usage: 'transfer ID [case number]', explanation: 'personal data: archive and hide the post, register the question and point the citizen to a secure channel, in one step', example: 'transfer 42 KS 2026/123' },
      police: { usage: 'police-report ID yes|no [note]', explanation: 'record in the question\'s history whether a police report was made for a hidden or removed post', example: 'police-report 42 yes' },
      hide: { usage: 'hide ID REASON [note]', explanation: 'archive the post with its context, hide it on the platform and close the question with one of the guidelines\' reasons', example: 'hide 42 personal-attack' },
      remove: { usage: 'remove ID REASON [note]', explanation: 'archive the post with its context, delete it on the platform and close the question', example: 'remove 42 hate-speech' },
      register: { usage: 'register ID [case number]', explanation: 'mark a question as registered (diarieförd), preferably with the case number', example: 'register 42 KS 2026/123' },
      away: {
        usage: 'away [@colleague] FROM TO [substitute @substitute]',
        explanation:
          "register your absence, so that the substitute gets your reminders (dates like 2026-12-01, 1/12, today, tomorrow or monday, optionally with a time like 13:00; a manager registers a colleague's absence by naming the colleague first: away @erik.lind monday friday substitute @anna.berg)",
        example: 'away 2026-12-01 2026-12-05 @anna.berg',
      },
      back: { usage: 'back [@colleague]', explanation: "end your absence now (a manager ends a colleague's with back @erik.lind)", example: 'back' },
      summary: { usage: 'summary', explanation: 'show how many questions are unanswered and overdue right now (for managers)', example: 'summary' },
      accounts: { usage: 'accounts', explanation: 'show the registry of accounts, each with channel, address, responsible officer, substitute and manager', example: 'accounts' },
      yearly: { usage: 'yearly [year]', explanation: "show a year's key figures per account beside the year before, as in the yearly follow-up (without a year: last year; for managers)", example: 'yearly 2026' },
      help: { usage: 'help [command]', explanation: 'show this help', example: 'help close' },
    },
  },

  catchup: {
    titles: {
      webhook_missed: 'Messages did not reach svarstid',
      unsubscribed: 'svarstid no longer receives messages from a page',
      token_invalid: 'svarstid cannot read an account',
      permission: 'svarstid lacks a permission for an account',
      credential_missing: 'svarstid has no access to an account',
    },
    webhookMissed: (count, account, on) =>
      `svarstid found ${n(count, 'message', 'messages')} to ${account} ${on} that the platform never delivered, although svarstid was running. They have been added with their original time, so their response time may already have run out.`,
    unsubscribed: (account) =>
      `The svarstid app is no longer among the apps subscribed to the page ${account}. No new comments or messages are delivered; meanwhile svarstid fetches them itself at regular intervals.`,
    tokenInvalid: (account) => `The access token of ${account} has expired or been revoked, so svarstid cannot fetch what was not delivered. Reminders about questions already received continue.`,
    permission: (account) => `The access token of ${account} lacks a permission svarstid needs to read the account.`,
    credentialMissing: (account, what) => `svarstid has no access token for ${account} (${what}), so what was not delivered is not fetched.`,
    check: {
      meta_webhook: 'Check in Meta for Developers (the app → Webhooks) that the webhook for the page is active and that its address answers. Meta disables a webhook that has not answered for a long time.',
      x_webhook: 'Check in the X Developer Portal that the webhook is registered and valid and that the account is still subscribed.',
      subscribe: 'Ask IT to subscribe the page to the app again (POST /{page-id}/subscribed_apps with the fields feed and messages) with the page access token.',
      token_meta: 'Ask IT to create a new long-lived page token and put it where the directory points (environment variable or secrets file).',
      token_x: "Ask IT to check the X account's access token and the app's keys and put them where the directory points.",
    },
    recovered: 'You get no new message about this until it has worked again and then stops working.',
  },
  answering: {
    unavailable: (why) => `No Reply button: svarstid cannot reply on this account (${why}). Reply on the platform itself, or ask IT to add the account's credentials.`,
    empty: 'The reply is empty. Write what the citizen should be told.',
    too_long: (length, limit, on) => `The reply is ${length} characters, but ${on} a reply may have at most ${limit}. Shorten it and try again.`,
    signature_missing: (signature) => `The guidelines require the reply to end with name and title. End it with “${signature}” and try again.`,
    no_credentials: (why) => `svarstid cannot reply on this account (${why}). Reply on the platform itself and then press Answered, or ask IT to add the account's credentials.`,
    not_supported: 'This channel cannot be answered from svarstid. Reply on the platform itself and then press Answered.',
    in_progress: (id) => `The reply to question #${id} is already being sent. Wait a moment and look at the question's history.`,
    window_closed: (id) => `The reply to question #${id} was not sent: more than 7 days have passed since the citizen wrote, and Meta allows no private replies after that. Nothing is marked answered. Reply another way (e-mail, phone) and then press Answered.`,
    human_agent_unavailable: (id) => `The reply to question #${id} was not sent: more than 24 hours have passed since the citizen wrote, and the page does not have Meta's human agent feature (HUMAN_AGENT, up to 7 days). Nothing is marked answered. Ask IT to apply for it, or reply another way and then press Answered.`,
    platform_token_invalid: (id) => `The reply to question #${id} was not sent: the account's token has expired or was revoked. Nothing is marked answered. Ask IT to renew the token, then try again.`,
    platform_permission: (id) => `The reply to question #${id} was not sent: the account's token lacks the permission to reply. Nothing is marked answered. Ask IT to grant the app the permission (see docs/answering.md) and try again.`,
    platform_not_allowed: (id) => `The reply to question #${id} was not sent: the platform does not allow it. On X the account may only reply where the author mentioned or replied to it. Nothing is marked answered. Reply another way and then press Answered.`,
    platform_window_closed: (id) => `The reply to question #${id} was not sent: the time for private replies has passed. Nothing is marked answered.`,
    platform_recipient_unavailable: (id) => `The reply to question #${id} was not sent: the citizen cannot be reached (blocked the account or turned messages off). Nothing is marked answered.`,
    platform_not_found: (id) => `The reply to question #${id} was not sent: the post is no longer on the platform. Nothing is marked answered. Close the question if it needs no answer.`,
    platform_rate_limited: (id, minutes) => `The reply to question #${id} was not sent: the platform limits how often the account may post. Nothing is marked answered. Try again in ${minutes} min.`,
    platform_unavailable: (id) => `The reply to question #${id} was not sent: the platform is not answering right now. Nothing is marked answered and nothing was sent twice. Try again in a while.`,
    platform_invalid_request: (id) => `The platform did not accept the reply to question #${id} (it refuses the text). Nothing is marked answered. Change the text and try again.`,
    platform_no_credentials: (id) => `svarstid cannot reply to question #${id}: the account has no credentials in svarstid. Ask IT to add its token.`,
  },

  moderation: {
    unavailable: (why) => `No Hide or Remove buttons: ${why}`,
    private_message: 'A private message (Messenger, Instagram Direct, X) cannot be hidden or removed by the account. Close the question with a reason instead; register it if needed.',
    x_remove: 'X lets the account delete only its own posts. Hide the reply instead (then only those who choose to see hidden replies see it), or report the post to X.',
    not_hideable: 'Meta lets the page hide comments, not visitors’ posts. Remove the post instead.',
    no_credentials: (why) => `svarstid cannot change anything on this account (${why}). Ask IT to add the account’s token with permission to moderate.`,
    refused: (id, what) => `Nothing was changed on the platform for question #${id}, and the question is not closed. The archive in svarstid stays. ${what}`,
    platform_token_invalid: 'The account’s token has expired or been revoked (Meta: OAuthException 190). Ask IT to renew it and try again.',
    platform_permission: 'The account’s token lacks the permission to moderate (Meta: pages_manage_engagement or instagram_manage_comments; X: tweet.moderate.write). Ask IT to grant it and try again.',
    platform_not_allowed: 'The platform does not allow this on the post (for example the page’s own comment, or on X a reply in a conversation the account did not start).',
    platform_rate_limited: (minutes) => `The platform limits how often the account may make changes. Try again in ${minutes} min.`,
    platform_not_found: 'The post is no longer on the platform (removed by its author or someone else). Close the question with the reason.',
    platform_unavailable: 'The platform is not answering right now. Try again in a while.',
    platform_other: 'The platform did not accept the change. Try again, or do it on the platform and then close the question.',
    registerNow: (id, c) => `Removed material must be registered: write ${c(`register ${id} [case number]`)}.`,
    policeQuestion: (id, c) => `The guidelines say a police report should be considered for this reason. Was one made? Write ${c(`police-report ${id} yes`)} or ${c(`police-report ${id} no`)}, and the answer is kept in the question's history.`,
    steps: { hide: 'archived and hid the post', register: 'registered the question', answer: 'pointed the citizen to a secure channel' },
    secureDone: (done) => `${done}.`,
    secureNothing: 'did nothing new: every step was already done.',
    secureSkipped: (why) => `The post was not hidden: ${why}`,
    secureFailed: (step, why) => `The step “${step}” failed: ${why} What is already done is not redone when you try again.`,
    police: (made) => (made ? 'recorded that a police report was made.' : 'recorded that no police report was made.'),
  },

  deliveryFailed: {
    title: 'A reminder could not be delivered',
    failed: (id, intended) => `The reminder about question #${id} could not be delivered to ${intended || 'the recipient'}.`,
    error: (error) => `Technical error: ${error}`,
    action: (intended) => `Make sure someone answers the question${intended ? `, and check that ${intended} has the right chat account in the directory` : ''}.`,
  },

  weekly: {
    weekTitle: (org, week, range) => `Weekly summary for ${org}, week ${week} (${range})`,
    yearTitle: (org, year) => `Key figures for ${org}, ${year}`,
    legend: (previous) => `In parentheses: ${previous}.`,
    previousWeek: (week) => `week ${week}`,
    previousYear: (year) => `${year}`,
    total: 'Total',
    received: 'received',
    answered: 'answered',
    onTime: 'on time',
    median: 'working time to answer: median',
    p90: '90th percentile',
    overdueNow: 'overdue now',
    forwarded: 'forwarded',
    registered: 'registered',
    closed: 'closed',
    otherReason: 'annat',
    removedByAuthor: 'removed by their author',
    officers: 'Officers (handled, of which answered on time):',
    officer: (handled, onTime) => `${handled} handled, ${onTime} on time`,
    unrouted: 'Messages to accounts that are not in the directory:',
    overdueList: (count) => `Overdue questions now (${count}):`,
    more: (count) => `… and ${count} more.`,
    overdueItem: (id, account, on, late, deadline) => `#${id} to ${account} ${on}, overdue by ${late} of working time (due ${deadline})`,
    noOverdue: 'No questions are overdue now.',
    chart: 'The chart shows the share answered on time per channel over the last eight weeks.',
    none: 'No questions in the period.',
    idle: (list) => `No questions in either period: ${list}.`,
    unattended: (days) => `Unattended accounts (questions overdue for more than ${days} days and nothing answered or closed since; accounts nobody watches should be closed):`,
    unattendedItem: (account, on, n, count, since) => `${account} ${on}: ${count} ${n === 1 ? 'question overdue' : 'questions overdue, the oldest'} since ${since}`,
  },

  teams: {
    imageMissing: 'The picture did not fit in the message.',
    badAction: "I didn't understand that button. Type help to see what I can do.",
    unboundTenant: 'This Microsoft 365 organization is not bound to any municipality or region in svarstid, so you cannot handle questions here. Ask IT to bind it (SVARSTID_TEAMS_TENANTS).',
    alreadyDone: 'That is already done.',
    appShort: 'Reminds you of unanswered questions on social media',
    appFull:
      "svarstid makes sure that residents' questions on the organization's social media are answered within the promised time. " +
      'The officer gets a reminder here as the response time runs out, and can claim the question, forward it, mark it answered, ' +
      'close it with a reason or register it, right from the message. Type help to see all commands.',
    appName: 'svarstid – answers in time on social media',
  },
};

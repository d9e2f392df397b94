/**
 * Allt svarstid skriver på svenska, på ett ställe: Slack, Teams, hjälpen, felmeddelandena, påminnelser,
 * sammanställningar och veckosammanfattningen läser härifrån, med stabila nycklar (en.ts har samma).
 * Ordlistan gäller överallt; docs/chat-payloads.md har den också.
 *
 * Ordlista (ett ord per sak):
 *   fråga          det en invånare skrev och som ska besvaras (inquiry). Aldrig "ärende" om den.
 *   ärende         bara det som diarieförs och handläggs i diariet ("handläggs som ett ärende").
 *   meddelande     det som kom till ett konto som inte finns i katalogen (ingen fråga ännu).
 *   konto          ett officiellt konto i sociala medier ("Hofors kommun" på Facebook).
 *   kanal          bara sociala medier-kanalen (Facebook, X, bloggen), aldrig en Slack- eller Teams-kanal;
 *                  i texter skrivs kanalens namn ut: "Svara på Facebook".
 *   ta             att ta en fråga (claim): "Ta frågan", "Erik Lind har tagit frågan", tillståndet "tagen".
 *   skicka vidare  att lämna en fråga till en kollega (forward): "Skicka vidare", "skickad vidare".
 *                  Inte "vidarebefordra".
 *   besvarad       svaret är skrivet i kanalen: "Besvarad", "markerade frågan som besvarad".
 *   obesvarad      väntar fortfarande på svar (tagen eller inte). "Öppen" används inte: den kan tas
 *                  för "inte tagen".
 *   stänga         avsluta utan svar, alltid med ett skäl ur riktlinjernas lista: "stängd", "stängda".
 *                  Inte "borttagen": svarstid tar inte bort något i kanalen.
 *   diarieföra     "Diarieför", "diarieförd", "diarienummer".
 *   svarstid       tiden frågan ska besvaras inom; "Svara senast …", "Svarstiden gick ut …", "försenad".
 *   handläggare, chef, ersättare, frånvaro   som i katalogen (role: manager = chef).
 *   katalogen      svarstids förteckning över personer och konton.
 *   organisationen kommunen eller regionen: dess eget namn ur policyn skrivs ut ("Region Gotland"),
 *                  aldrig "kommunen" om alla.
 *   (valfritt)     efter ett fälts namn när det inte behöver fyllas i, oavsett genus.
 *   i dag, i morgon, i går   i två ord (Språkrådet), också i exemplen.
 *   ”…”            svenska citattecken runt citat och det någon skrev; aldrig "…".
 *   kl. 10:00      klockslag; en hel dag skrivs utan klockslag.
 *   Kommandon skrivs som man skriver dem på plattformen: "/svarstid lista" i Slack, "lista" i Teams
 *   (texterna får `c`, som ger rätt form).
 */

/** How a command is written on the platform: `c('lista')` is "/svarstid lista" in Slack, "lista" in Teams. */
export type CommandForm = (words: string) => string;

/** 1 fråga / 2 frågor */
const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const DATE_FORMS = 'Skriv till exempel 2026-12-01, 1/12, i dag, i morgon eller måndag, gärna med tid: 2026-12-01 13:00.';

export const sv = {
  quotes: ['”', '”'] as readonly [string, string],
  noText: '(ingen text)',
  unknownSender: 'okänd avsändare',
  and: 'och',
  or: 'eller',

  dates: {
    weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    yesterday: 'i går',
    today: 'i dag',
    tomorrow: 'i morgon',
    at: (day: string, clock: string) => `${day} kl. ${clock}`,
    through: (day: string) => `till och med ${day}`,
    until: (when: string) => `till ${when}`,
    untilFurtherNotice: 'tills vidare',
  },

  durations: {
    hours: 'tim',
    minutes: 'min',
    lessThanAMinute: 'mindre än 1 min',
    left: (d: string) => `${d} kvar i arbetstid`,
    overdueBy: (d: string) => `försenad med ${d} arbetstid`,
    noneLeft: 'ingen arbetstid kvar',
  },

  /** a channel's name, and with its preposition */
  channels: {
    facebook: { name: 'Facebook', at: 'på Facebook' },
    messenger: { name: 'Messenger', at: 'i Messenger' },
    instagram: { name: 'Instagram', at: 'på Instagram' },
    instagram_dm: { name: 'Instagram (direktmeddelande)', at: 'i ett direktmeddelande på Instagram' },
    instagram_mention: { name: 'Instagram (omnämnande)', at: 'i ett omnämnande på Instagram' },
    x: { name: 'X', at: 'på X' },
    blog: { name: 'bloggen', at: 'i bloggen' },
    chat: { name: 'chatten', at: 'i chatten' },
    email: { name: 'e-post', at: 'via e-post' },
    web: { name: 'webben', at: 'på webben' },
    youtube: { name: 'YouTube', at: 'på YouTube' },
    linkedin: { name: 'LinkedIn', at: 'på LinkedIn' },
    tiktok: { name: 'TikTok', at: 'på TikTok' },
  } as Readonly<Record<string, { readonly name: string; readonly at: string }>>,
  otherChannel: (kind: string) => ({ name: kind, at: `i kanalen ${kind}` }),

  personalData: { personnummer: 'personnummer', samordningsnummer: 'samordningsnummer', phone: 'telefonnummer', email: 'e-postadress' } as Readonly<Record<string, string>>,

  states: { unrouted: 'inte kopplad till något konto', open: 'inte tagen', claimed: 'tagen', forwarded: 'skickad vidare', answered: 'besvarad', closed: 'stängd' },

  /** the buttons, the same in Slack and Teams */
  actions: { claim: 'Ta frågan', answer: 'Svara', forward: 'Skicka vidare', done: 'Besvarad', close: 'Stäng', register: 'Diarieför', hide: 'Dölj', remove: 'Ta bort', secure: 'Dölj och för över till diariet' },

  /** what a button asks before it acts (Slack: a modal, Teams: the card's form) */
  dialogs: {
    forward: {
      title: 'Skicka vidare',
      intro: (id: number) => `Skicka fråga #${id} vidare till en kollega. Personen får ett meddelande med frågan.`,
      submit: 'Skicka vidare',
      to: 'Till vem?',
      toMissing: 'Välj vem frågan ska skickas vidare till.',
      toSearch: 'Sök på namn eller titel',
      reason: 'Motivering (valfritt)',
      reasonHint: 'Varför ska just den personen svara?',
    },
    close: {
      title: 'Stäng frågan',
      intro: (id: number) => `Fråga #${id} stängs utan svar, med ett skäl ur riktlinjernas lista.`,
      submit: 'Stäng frågan',
      reason: 'Skäl',
      reasonMissing: 'Välj ett skäl ur riktlinjernas lista.',
      note: 'Anteckning (valfritt)',
      noteHint: 'Till exempel vad som stod i inlägget',
    },
    register: {
      title: 'Diarieför',
      intro: (id: number) => `Markera fråga #${id} som diarieförd.`,
      submit: 'Diarieför',
      caseNumber: 'Diarienummer (valfritt)',
      caseNumberHint: 'Till exempel KS 2026/123',
    },
    hide: {
      title: 'Dölj inlägget',
      intro: (id: number) => `Fråga #${id} arkiveras först i svarstid (inlägget, alla versioner och sammanhanget), döljs sedan på plattformen och stängs med skälet.`,
      submit: 'Arkivera och dölj',
    },
    secure: {
      title: 'Dölj och för över till diariet',
      intro: (id: number) => `Fråga #${id} innehåller personuppgifter. svarstid arkiverar inlägget, döljer det på plattformen, diarieför frågan och svarar medborgaren med en hänvisning till en säker kanal. Varje steg sparas i frågans historik.`,
      submit: 'Dölj och för över',
    },
    remove: {
      title: 'Ta bort inlägget',
      intro: (id: number) => `Fråga #${id} arkiveras först i svarstid (inlägget, alla versioner och sammanhanget), tas sedan bort på plattformen och stängs med skälet. Det går inte att ångra på plattformen.`,
      submit: 'Arkivera och ta bort',
    },
    answer: {
      title: 'Svara medborgaren',
      intro: (id: number) => `Svaret på fråga #${id} publiceras där frågan ställdes, i organisationens namn, och sparas i frågans historik med ditt namn.`,
      submit: 'Skicka svaret',
      text: 'Svar',
      textHint: 'Skriv svaret ovanför signaturen',
    },
    cancel: 'Avbryt',
    choosePerson: 'Välj en person.',
  },

  pager: {
    previous: 'Föregående',
    next: 'Nästa',
    showing: (from: number, to: number, total: number) => `Visar ${from}–${to} av ${total}.`,
  },

  /** "#42 – Erik Lind tog frågan." */
  outcome: {
    claim: 'tog frågan.',
    forward: (to: string, reason: string | null) => `skickade frågan vidare till ${to}${reason ? `: ${reason}` : '.'}`,
    done: 'markerade frågan som besvarad.',
    close: (reason: string, note: string | null) => `stängde frågan (${reason})${note ? `: ${note}` : '.'}`,
    register: (caseNumber: string | null) => `diarieförde frågan${caseNumber ? ` som ${caseNumber}` : ''}.`,
    answer: (on: string, link: string | null) => `svarade ${on}${link ? ` (${link})` : ''}.`,
    told: (on: string) => `meddelade medborgaren ${on} att ärendet är diariefört.`,
    hide: (on: string, reason: string, note: string | null) => `arkiverade och dolde inlägget ${on} (${reason})${note ? `: ${note}` : '.'}`,
    remove: (on: string, reason: string, note: string | null) => `arkiverade och tog bort inlägget ${on} (${reason})${note ? `: ${note}` : '.'}`,
    archived: (reason: string, note: string | null) => `arkiverade inlägget och stängde frågan (${reason})${note ? `: ${note}` : '.'} Ta bort det i källan själv.`,
  },

  inquiry: {
    where: (id: number, account: string, on: string) => `Fråga #${id} till ${account} ${on}`,
    link: (url: string) => `Länk: ${url}`,
    from: (author: string, when: string) => `Från: ${author}, ${when}`,
    noResponseTime: 'Ingen svarstid gäller för den här kanalen.',
    answerBy: (when: string, detail: string) => `Svara senast ${when}${detail ? ` (${detail})` : ''}.`,
    ranOut: (when: string, detail: string) => `Svarstiden gick ut ${when}${detail ? ` (${detail})` : ''}.`,
    nobody: 'Ingen har tagit frågan ännu.',
    claimedBy: (who: string) => `${who} har tagit frågan.`,
    forwardedTo: (who: string) => `Skickad vidare till ${who}, som inte har tagit den ännu.`,
    responsible: (who: string) => `${who} ansvarar men har inte tagit frågan ännu.`,
    /** Hofors 3.2, Nässjö 20, Nässjö 13 / Arvidsjaur 8: stop, save, remove there, register */
    personalData: (kinds: string, on: string) =>
      `OBS! Frågan innehåller personuppgifter (${kinds}). Fortsätt inte samtalet ${on}: spara inlägget, ta bort uppgifterna där och diarieför frågan, så att den handläggs som ett ärende.`,
    registered: (caseNumber: string | null) => `Diarieförd${caseNumber ? `: ${caseNumber}` : ''}.`,
  },

  reminder: {
    titles: {
      heads_up: 'En fråga väntar på svar',
      due_soon: 'Svarstiden går snart ut',
      deadline: 'Svarstiden har gått ut',
      overdue: 'Försenad: frågan är fortfarande obesvarad',
      forwarded: 'En fråga har skickats vidare till dig',
    },
    substitute: (name: string, end: string | undefined) => `Du får detta som ersättare för ${name}, ${end ? `som är frånvarande ${end}` : 'som inte är tillgänglig'}.`,
    forwardedBy: (name: string, reason: string | null) => `${name} skickade frågan vidare till dig${reason ? `: ${reason}` : '.'}`,
    hint: (on: string) => `Svara ${on} och tryck sedan på Besvarad. Allt du gör här sparas med ditt namn.`,
    /** catch-up: the message reached svarstid only when it read the account on the platform */
    late: (found: string, reason: 'svarstid_down' | 'not_delivered') =>
      `Kom in sent: svarstid fick veta om meddelandet först ${found}, ${reason === 'svarstid_down' ? 'eftersom svarstid inte var igång när det skrevs' : 'eftersom plattformen aldrig levererade det till svarstid'}. Svarstiden räknas från när det skrevs.`,
  },

  digest: {
    title: (date: string) => `Dina obesvarade frågor, ${date}`,
    none: 'Du har inga obesvarade frågor.',
    noResponseTime: 'ingen svarstid',
    unrouted: (count: number) => `Meddelanden till konton som inte finns i katalogen (${count}):`,
    from: 'från',
    to: 'till',
    more: (count: number) => `… och ${count} till.`,
    covering: (name: string) => `du ersätter ${name}`,
    team: {
      title: 'Teamet:',
      person: (name: string, open: number, overdue: number) => `${name}: ${n(open, 'obesvarad', 'obesvarade')}, varav ${n(overdue, 'försenad', 'försenade')}`,
      /** until: "till och med fredag 11 december" (null: no end, inactive); coveredBy: the names, joined */
      away: (until: string | null, coveredBy: string | null) => ` – frånvarande${until ? ` ${until}` : ''}, ${coveredBy ? `${coveredBy} ersätter` : 'ingen ersätter'}`,
      unattended: (count: number) => `${n(count, 'fråga', 'frågor')} når ingen just nu: kontot saknar kontoansvarig, eller ingen kan nås.`,
    },
  },

  queue: {
    title: 'Obesvarade frågor',
    mine: 'Dina frågor',
    mineCount: (count: number) => `Dina frågor (${count}):`,
    noneMine: 'Du har inga obesvarade frågor.',
    unclaimed: 'Frågor som ingen har tagit',
    unclaimedCount: (count: number) => `Frågor som ingen har tagit (${count}):`,
    noneUnclaimed: 'Alla frågor är tagna.',
    updated: (when: string) => `Uppdaterad ${when}`,
  },

  status: {
    title: 'Läget just nu',
    channel: (channel: string, active: number, unclaimed: number, overdue: number) =>
      `${channel}: ${n(active, 'obesvarad', 'obesvarade')}, varav ${n(unclaimed, 'inte tagen', 'inte tagna')} och ${n(overdue, 'försenad', 'försenade')}`,
    none: 'Inga obesvarade frågor.',
    overdue: (count: number) => `Försenade frågor (${count}):`,
    unrouted: (count: number) => `${n(count, 'meddelande', 'meddelanden')} har kommit till konton som inte finns i katalogen.`,
  },

  registry: {
    title: (org: string) => `Kontoförteckning för ${org}`,
    none: 'Det finns inga konton i katalogen.',
    /** "Hofors kommun på Facebook (https://…): kontoansvarig Erik Lind, ersättare Maria Ek, chef Anna Berg" */
    line: (account: string, on: string, address: string | null, responsible: string | null, substitute: string | null, manager: string | null) =>
      `${account} ${on}${address ? ` (${address})` : ''}: kontoansvarig ${responsible ?? 'ingen'}, ersättare ${substitute ?? 'ingen'}, chef ${manager ?? 'ingen'}`,
  },

  absence: {
    away: (end: string, substitute: string | null) =>
      `Frånvaro registrerad ${end}.${substitute ? ` ${substitute} är ersättare och får dina påminnelser.` : ' Dina påminnelser går till ersättarna för dina konton.'}`,
    starts: (when: string) => `Den börjar ${when}.`,
    back: 'Välkommen tillbaka! Dina påminnelser kommer till dig igen.',
    /** a manager registered it for a colleague */
    awayFor: (name: string, end: string, substitute: string | null) =>
      `Frånvaro registrerad för ${name} ${end}.${substitute ? ` ${substitute} är ersättare och får ${genitive(name)} påminnelser.` : ` ${genitive(name)} påminnelser går till ersättarna för kontona.`}`,
    backFor: (name: string) => `${genitive(name)} frånvaro är avslutad. Påminnelserna kommer till ${name} igen.`,
  },

  /** told to the absent person and the substitute when someone else registers or ends an absence */
  absenceNotice: {
    awayTitle: 'Frånvaro registrerad',
    backTitle: 'Frånvaro avslutad',
    awayYou: (by: string, end: string, substitute: string | null) =>
      `${by} har registrerat din frånvaro ${end}.${substitute ? ` ${substitute} är ersättare och får dina påminnelser.` : ' Dina påminnelser går till ersättarna för dina konton.'}`,
    awaySubstitute: (by: string, absent: string, end: string) =>
      `${by === absent ? `${absent} har registrerat sin frånvaro` : `${by} har registrerat frånvaro för ${absent}`} ${end}, med dig som ersättare. Du får ${genitive(absent)} påminnelser under tiden, och frågorna syns i din lista.`,
    backYou: (by: string) => `${by} har avslutat din frånvaro. Påminnelserna kommer till dig igen.`,
  },

  refusals: {
    /** org: the organization's name and who can add people (its managers in the directory) */
    unknown_user: (org: { readonly name: string; readonly contacts: readonly string[] } | undefined, join: (items: readonly string[]) => string) =>
      org
        ? `Hej! Jag hittar dig inte bland ${genitive(org.name)} handläggare i svarstid, så du kan inte hantera frågor här ännu. Be ${org.contacts.length > 0 ? join(org.contacts) : `den som administrerar svarstid för ${org.name}`} lägga till dig i katalogen.`
        : 'Hej! Jag hittar dig inte bland handläggarna i svarstid, så du kan inte hantera frågor här ännu. Be den som administrerar svarstid i din organisation lägga till dig i katalogen.',
    not_found: (id: number, c: CommandForm) => `Det finns ingen fråga #${id}. Skriv ${c('lista')} för att se dina frågor.`,
    wrong_organization: (id: number) => `Fråga #${id} hör till en annan organisation, så du kan inte hantera den.`,
    unknown_person: (name: string) => `Jag hittar ingen ”${name}” i katalogen. Nämn personen med @ eller skriv hela namnet.`,
    ambiguous_person: (name: string, candidates: string) => `Flera personer passar in på ”${name}”: ${candidates}. Nämn personen med @ eller skriv hela namnet.`,
    inactive_person: 'Den personen är inte längre aktiv i svarstid.',
    summary_managers_only: 'Sammanfattningen är bara för chefer.',
    yearly_managers_only: 'Årsuppföljningen är bara för chefer.',
    /** state: where the inquiry is (`stateNow`: the states the use cases refuse from); action: what could not be done to it (`cannot`) */
    illegal_transition: (id: number, state: string, action: string) => `Fråga #${id} är ${state}, så den kan inte ${action}.`,
    stateNow: { unrouted: 'inte kopplad till något konto ännu', answered: 'redan besvarad', closed: 'redan stängd' },
    cannot: { claim: 'tas', answer: 'besvaras', forward: 'skickas vidare', done: 'markeras som besvarad', close: 'stängas', register: 'diarieföras', hide: 'döljas', remove: 'tas bort', secure: 'föras över till diariet' },
    already_claimed: (id: number, who: string) => `Fråga #${id} har redan tagits av ${who}.`,
    already_yours: (id: number) => `Fråga #${id} är redan din.`,
    already_registered: (id: number, caseNumber: string | null) => `Fråga #${id} är redan diarieförd${caseNumber ? ` (${caseNumber})` : ''}.`,
    unknown_reason: 'Det skälet finns inte i riktlinjernas lista.',
    note_required: 'Skälet ”annat” kräver en anteckning om vad det var. Skriv den i fältet Anteckning eller efter skälet.',
    concurrent_change: (id: number) => `Någon annan ändrade fråga #${id} samtidigt. Försök igen.`,
    absence: {
      bad_period: 'Frånvaron måste sluta efter att den börjar, och får inte redan ha tagit slut.',
      overlaps: 'Du har redan en frånvaro som överlappar den perioden.',
      unknown_person: 'Jag hittar inte ersättaren i katalogen.',
      wrong_organization: 'Ersättaren måste höra till samma organisation som du.',
      self_substitute: 'Du kan inte vara din egen ersättare.',
      not_absent: 'Du är inte registrerad som frånvarande just nu.',
      not_allowed: 'Bara chefer kan registrera eller avsluta frånvaro för en kollega. Registrera din egen frånvaro utan namn först.',
    },
    /** the same refusals when a manager acts for a colleague */
    absenceFor: {
      overlaps: (name: string) => `${name} har redan en frånvaro som överlappar den perioden.`,
      not_absent: (name: string) => `${name} är inte registrerad som frånvarande just nu.`,
      self_substitute: (name: string) => `${name} kan inte vara sin egen ersättare.`,
      wrong_organization: (name: string) => `Ersättaren måste höra till samma organisation som ${name}.`,
    },
  },

  /** a command that was not understood; `ex` is the command's example, written for the platform */
  parseErrors: {
    unknown_command: (given: string, _ex: string, c: CommandForm) => `Jag känner inte igen kommandot ”${given}”. Skriv ${c('hjälp')} för att se vad jag kan.`,
    missing_id: (_g: string, ex: string) => `Ange vilken fråga, till exempel ${ex}.`,
    bad_id: (given: string, ex: string) => `”${given}” är inget nummer på en fråga. Skriv frågans nummer, till exempel ${ex}.`,
    missing_person: (_g: string, ex: string) => `Ange vem frågan ska skickas vidare till, till exempel ${ex}.`,
    bad_person: (given: string, ex: string) => `”${given}” är ingen person. Nämn personen med @, till exempel ${ex}.`,
    missing_reason: (_g: string, ex: string, _c: CommandForm, reasons: string) => `Ange varför frågan stängs, till exempel ${ex}. Skäl: ${reasons}.`,
    unknown_reason: (given: string, _ex: string, _c: CommandForm, reasons: string) =>
      `”${given}” är inget skäl för att stänga en fråga. Skäl: ${reasons}. Du kan också skriva kortformer som spam, trakasserier, upphovsrätt eller off-topic.`,
    missing_answer: (_g: string, ex: string) => `Svara ja eller nej: gjordes en polisanmälan? Till exempel ${ex}.`,
    missing_note: (given: string) => `Skälet ”${given}” kräver en anteckning om vad det var, till exempel: stäng 42 annat dubblett av #41.`,
    missing_date: (_g: string, ex: string) => `Ange när du är borta, till exempel ${ex}.`,
    missing_end_date: (_g: string, ex: string) => `Ange också när frånvaron slutar, efter när den börjar: till exempel ${ex}.`,
    bad_date: (given: string) => `Jag förstår inte datumet ”${given}”. ${DATE_FORMS}`,
    bad_period: (given: string, ex: string) => `Frånvaron ”${given}” slutar innan den börjar. Ange först när den börjar och sedan när den slutar, till exempel ${ex}.`,
    missing_text: (_g: string, ex: string) => `Skriv svaret efter frågans nummer, till exempel ${ex}.`,
    too_many_arguments: (given: string, ex: string) => `Jag förstår inte ”${given}” i slutet av kommandot. Skriv till exempel ${ex}.`,
    bad_year: (given: string, ex: string) => `”${given}” är inget år jag har siffror för. Skriv ett år mellan 2000 och 2099, till exempel ${ex}.`,
  },
  didYouMean: (s: string) => ` Menade du ”${s}”?`,

  help: {
    title: (c: CommandForm) => `Så här använder du ${c('').trim() || 'svarstid'}:`,
    teamsHowTo: 'Skriv kommandona här i chatten med mig. I en kanal nämner du @svarstid först, till exempel @svarstid lista.',
    example: 'Exempel',
    reasons: 'Skäl för att stänga',
    other: 'Engelska kommandon fungerar också (list, claim, reply, forward, done, close, register, away, back, summary, accounts, yearly, help).',
    entries: {
      list: { usage: 'lista', explanation: 'visa frågorna du ansvarar för och när de ska vara besvarade', example: 'lista' },
      claim: { usage: 'ta ID', explanation: 'ta en fråga, så blir du ansvarig för svaret', example: 'ta 42' },
      answer: { usage: 'svara ID text', explanation: 'svara medborgaren där frågan ställdes (svaret publiceras och frågan blir besvarad); avsluta med din signatur', example: 'svara 42 Badet öppnar den 1 december. Erik, kommunikatör' },
      forward: { usage: 'skicka ID @person [motivering]', explanation: 'skicka en fråga vidare till en kollega, gärna med en motivering', example: 'skicka 42 @anna.berg' },
      done: { usage: 'klar ID', explanation: 'markera en fråga som besvarad', example: 'klar 42' },
      close: { usage: 'stäng ID SKÄL [anteckning]', explanation: 'stäng en fråga som inte ska besvaras, med ett skäl och gärna en anteckning', example: 'stäng 42 spam' },
      secure: { usage: 'överför ID [diarienummer]', explanation: 'personuppgifter: arkivera och dölj inlägget, diarieför frågan och hänvisa medborgaren till en säker kanal, i ett steg', example: 'överför 42 KS 2026/123' },
      police: { usage: 'polisanmälan ID ja|nej [anteckning]', explanation: 'spara i frågans historik om en polisanmälan gjordes för ett dolt eller borttaget inlägg', example: 'polisanmälan 42 ja' },
      hide: { usage: 'dölj ID SKÄL [anteckning]', explanation: 'arkivera inlägget med sammanhang, dölj det på plattformen och stäng frågan med ett skäl ur riktlinjernas lista', example: 'dölj 42 personangrepp' },
      remove: { usage: 'radera ID SKÄL [anteckning]', explanation: 'arkivera inlägget med sammanhang, ta bort det på plattformen och stäng frågan (också: ta bort ID SKÄL)', example: 'radera 42 hets mot folkgrupp' },
      register: { usage: 'diarieför ID [diarienummer]', explanation: 'markera en fråga som diarieförd, gärna med diarienumret', example: 'diarieför 42 KS 2026/123' },
      away: {
        usage: 'frånvaro [@kollega] FRÅN TILL [ersättare @ersättare]',
        explanation:
          'registrera din frånvaro, så får ersättaren dina påminnelser (datum som 2026-12-01, 1/12, i dag, i morgon eller måndag, gärna med tid som 13:00; en chef registrerar en kollegas frånvaro genom att nämna kollegan först: frånvaro @erik.lind måndag fredag ersättare @anna.berg)',
        example: 'frånvaro 2026-12-01 2026-12-05 @anna.berg',
      },
      back: { usage: 'tillbaka [@kollega]', explanation: 'avsluta din frånvaro nu (en chef avslutar en kollegas med tillbaka @erik.lind)', example: 'tillbaka' },
      summary: { usage: 'sammanfattning', explanation: 'visa hur många frågor som är obesvarade och försenade just nu (för chefer)', example: 'sammanfattning' },
      accounts: { usage: 'konton', explanation: 'visa kontoförteckningen, varje konto med kanal, adress, kontoansvarig, ersättare och chef', example: 'konton' },
      yearly: { usage: 'årsuppföljning [år]', explanation: 'visa ett års nyckeltal per konto bredvid året innan, som i den årliga resultatuppföljningen (utan år: förra året; för chefer)', example: 'årsuppföljning 2026' },
      help: { usage: 'hjälp [kommando]', explanation: 'visa den här hjälpen', example: 'hjälp stäng' },
    },
  },

  catchup: {
    titles: {
      webhook_missed: 'Meddelanden kom inte fram till svarstid',
      unsubscribed: 'svarstid får inte längre meddelanden från en sida',
      token_invalid: 'svarstid kan inte läsa ett konto',
      permission: 'svarstid saknar behörighet för ett konto',
      credential_missing: 'svarstid saknar åtkomst till ett konto',
    },
    webhookMissed: (count: number, account: string, on: string) =>
      `svarstid hittade ${n(count, 'meddelande', 'meddelanden')} till ${account} ${on} som plattformen aldrig levererade, fast svarstid var igång. De har lagts in med sin ursprungliga tid, så svarstiden kan redan ha gått ut.`,
    unsubscribed: (account: string) =>
      `svarstid-appen finns inte längre bland de appar som prenumererar på sidan ${account}. Inga nya kommentarer eller meddelanden levereras; under tiden hämtar svarstid dem själv med jämna mellanrum.`,
    tokenInvalid: (account: string) =>
      `Åtkomsttoken för ${account} har gått ut eller återkallats, så svarstid kan inte hämta det som inte levererades. Påminnelser om frågor som redan kommit in fortsätter.`,
    permission: (account: string) => `Åtkomsttoken för ${account} saknar en behörighet som svarstid behöver för att läsa kontot.`,
    credentialMissing: (account: string, what: string) => `svarstid har ingen åtkomsttoken för ${account} (${what}), så det som inte levererades hämtas inte.`,
    check: {
      meta_webhook: 'Kontrollera i Meta for Developers (appen → Webhooks) att webhooken för sidan är aktiv och att adressen svarar. Meta stänger av en webhook som inte har svarat på länge.',
      x_webhook: 'Kontrollera i X Developer Portal att webhooken är registrerad och giltig och att kontot fortfarande prenumererar.',
      subscribe: 'Be IT prenumerera sidan på appen igen (POST /{page-id}/subscribed_apps med fälten feed och messages) med sidans åtkomsttoken.',
      token_meta: 'Be IT skapa en ny långlivad sidtoken och lägga in den där katalogen pekar (miljövariabel eller hemlighetsfil).',
      token_x: 'Be IT kontrollera X-kontots åtkomsttoken och appens nycklar och lägga in dem där katalogen pekar.',
    },
    recovered: 'Du får inget nytt meddelande om detta förrän det har fungerat igen och sedan slutar fungera.',
  },
  /** answering the citizen from chat (src/answers): what went wrong and what to do */
  answering: {
    unavailable: (why: string) => `Svara-knappen saknas: svarstid kan inte svara på det här kontot (${why}). Svara direkt på plattformen, eller be IT lägga in kontots behörighet.`,
    empty: 'Svaret är tomt. Skriv vad medborgaren ska få veta.',
    too_long: (length: number, limit: number, on: string) => `Svaret är ${length} tecken, men ${on} får ett svar vara högst ${limit} tecken. Korta det och försök igen.`,
    signature_missing: (signature: string) => `Riktlinjerna kräver att svaret avslutas med namn och titel. Avsluta med ”${signature}” och försök igen.`,
    no_credentials: (why: string) => `svarstid kan inte svara på det här kontot (${why}). Svara direkt på plattformen och tryck sedan på Besvarad, eller be IT lägga in kontots behörighet.`,
    not_supported: 'Den här kanalen kan inte besvaras från svarstid. Svara direkt på plattformen och tryck sedan på Besvarad.',
    in_progress: (id: number) => `Svaret på fråga #${id} håller redan på att skickas. Vänta en stund och titta i frågans historik.`,
    window_closed: (id: number) =>
      `Svaret på fråga #${id} skickades inte: det har gått mer än 7 dagar sedan medborgaren skrev, och efter det tillåter Meta inga svar i privata meddelanden. Inget är markerat som besvarat. Svara på annat sätt (till exempel e-post eller telefon) och tryck sedan på Besvarad.`,
    human_agent_unavailable: (id: number) =>
      `Svaret på fråga #${id} skickades inte: det har gått mer än 24 timmar sedan medborgaren skrev, och sidan har inte Metas funktion för svar från en person (HUMAN_AGENT, upp till 7 dagar). Inget är markerat som besvarat. Be IT ansöka om funktionen, eller svara på annat sätt och tryck sedan på Besvarad.`,
    platform_token_invalid: (id: number) => `Svaret på fråga #${id} skickades inte: kontots token har gått ut eller dragits tillbaka. Inget är markerat som besvarat. Be IT förnya kontots token och försök sedan igen.`,
    platform_permission: (id: number) => `Svaret på fråga #${id} skickades inte: kontots token saknar behörighet att svara. Inget är markerat som besvarat. Be IT ge appen rätt behörighet (se docs/answering.md) och försök igen.`,
    platform_not_allowed: (id: number) =>
      `Svaret på fråga #${id} skickades inte: plattformen tillåter inte svaret. På X får kontot bara svara där författaren har nämnt eller svarat kontot. Inget är markerat som besvarat. Svara på annat sätt och tryck sedan på Besvarad.`,
    platform_window_closed: (id: number) => `Svaret på fråga #${id} skickades inte: tiden för att svara i privata meddelanden har gått ut. Inget är markerat som besvarat.`,
    platform_recipient_unavailable: (id: number) => `Svaret på fråga #${id} skickades inte: medborgaren går inte att nå (har blockerat kontot eller stängt av meddelanden). Inget är markerat som besvarat.`,
    platform_not_found: (id: number) => `Svaret på fråga #${id} skickades inte: inlägget finns inte längre på plattformen. Inget är markerat som besvarat. Stäng frågan om den inte ska besvaras.`,
    platform_rate_limited: (id: number, minutes: number) => `Svaret på fråga #${id} skickades inte: plattformen begränsar hur ofta kontot får skicka. Inget är markerat som besvarat. Försök igen om ${minutes} min.`,
    platform_unavailable: (id: number) => `Svaret på fråga #${id} skickades inte: plattformen svarar inte just nu. Inget är markerat som besvarat och inget har skickats två gånger. Försök igen om en stund.`,
    platform_invalid_request: (id: number) => `Plattformen tog inte emot svaret på fråga #${id} (den godtar inte texten). Inget är markerat som besvarat. Ändra texten och försök igen.`,
    platform_no_credentials: (id: number) => `svarstid kan inte svara på fråga #${id}: kontot saknar behörighet i svarstid. Be IT lägga in kontots token.`,
  },

  /** hide and remove (src/moderation): what the platform does not allow, what went wrong, and what to do */
  moderation: {
    unavailable: (why: string) => `Knapparna Dölj och Ta bort saknas: ${why}`,
    private_message: 'Ett privat meddelande (Messenger, Instagram Direct, X) kan inte döljas eller tas bort av kontot. Stäng frågan med ett skäl i stället; diarieför den om det behövs.',
    x_remove: 'X låter kontot ta bort bara sina egna inlägg. Dölj svaret i stället (det syns då bara för den som väljer att se dolda svar), eller anmäl inlägget till X.',
    not_hideable: 'Meta låter sidan dölja kommentarer, inte besökares inlägg. Ta bort inlägget i stället.',
    no_credentials: (why: string) => `svarstid kan inte ändra något på det här kontot (${why}). Be IT lägga in kontots token med behörighet att moderera.`,
    refused: (id: number, what: string) => `Inget ändrades på plattformen för fråga #${id}, och frågan är inte stängd. Arkivet i svarstid finns kvar. ${what}`,
    platform_token_invalid: 'Kontots token har gått ut eller dragits tillbaka (Meta: OAuthException 190). Be IT förnya token och försök igen.',
    platform_permission: 'Kontots token saknar behörighet att moderera (Meta: pages_manage_engagement eller instagram_manage_comments; X: tweet.moderate.write). Be IT ge appen behörigheten och försök igen.',
    platform_not_allowed: 'Plattformen tillåter inte det här på inlägget (till exempel sidans egen kommentar, eller på X ett svar i en konversation kontot inte startade).',
    platform_rate_limited: (minutes: number) => `Plattformen begränsar hur ofta kontot får göra ändringar. Försök igen om ${minutes} min.`,
    platform_not_found: 'Inlägget finns inte längre på plattformen (borttaget av skribenten eller någon annan). Stäng frågan med skälet.',
    platform_unavailable: 'Plattformen svarar inte just nu. Försök igen om en stund.',
    platform_other: 'Plattformen tog inte emot ändringen. Försök igen, eller gör det direkt på plattformen och stäng sedan frågan.',
    /** after a hide or remove whose reason the policy says must be registered (Gotland) */
    registerNow: (id: number, c: CommandForm) => `Borttaget material ska diarieföras: skriv ${c(`diarieför ${id} [diarienummer]`)}.`,
    /** after a hide or remove whose reason may be a crime (Hofors 2.6) */
    policeQuestion: (id: number, c: CommandForm) => `Riktlinjerna säger att en polisanmälan ska övervägas för det här skälet. Gjordes en? Skriv ${c(`polisanmälan ${id} ja`)} eller ${c(`polisanmälan ${id} nej`)}, så sparas svaret i frågans historik.`,
    /** the personal-data flow: the steps done, a step skipped, a step that failed */
    steps: { hide: 'arkiverade och dolde inlägget', register: 'diarieförde frågan', answer: 'hänvisade medborgaren till en säker kanal' },
    secureDone: (done: string) => `${done}.`,
    secureNothing: 'gjorde ingenting nytt: alla steg var redan gjorda.',
    secureSkipped: (why: string) => `Inlägget doldes inte: ${why}`,
    secureFailed: (step: string, why: string) => `Steget ”${step}” gick inte: ${why} Det som redan är gjort görs inte om när du försöker igen.`,
    police: (made: boolean): string => (made ? 'sparade att en polisanmälan gjordes.' : 'sparade att ingen polisanmälan gjordes.'),
  },

  deliveryFailed: {
    title: 'En påminnelse kunde inte levereras',
    failed: (id: number, intended: string) => `Påminnelsen om fråga #${id} kunde inte levereras till ${intended || 'mottagaren'}.`,
    error: (error: string) => `Tekniskt fel: ${error}`,
    action: (intended: string) => `Se till att någon svarar på frågan${intended ? ` och kontrollera att ${intended} har rätt chattkonto i katalogen` : ''}.`,
  },

  weekly: {
    weekTitle: (org: string, week: number, range: string) => `Veckosammanfattning för ${org}, vecka ${week} (${range})`,
    yearTitle: (org: string, year: string) => `Nyckeltal för ${org}, år ${year}`,
    legend: (previous: string) => `Inom parentes: ${previous}.`,
    previousWeek: (week: number) => `vecka ${week}`,
    previousYear: (year: string) => `år ${year}`,
    total: 'Totalt',
    received: 'inkomna',
    answered: 'besvarade',
    onTime: 'i tid',
    median: 'svarstid i arbetstid: median',
    p90: '90:e percentilen',
    overdueNow: 'försenade nu',
    forwarded: 'skickade vidare',
    registered: 'diarieförda',
    closed: 'stängda',
    otherReason: 'annat',
    removedByAuthor: 'borttagna av skribenten',
    officers: 'Handläggare (hanterade, varav besvarade i tid):',
    officer: (handled: string, onTime: string) => `${handled} hanterade, ${onTime} i tid`,
    unrouted: 'Meddelanden till konton som inte finns i katalogen:',
    overdueList: (count: string) => `Försenade frågor just nu (${count}):`,
    more: (count: string) => `… och ${count} till.`,
    overdueItem: (id: number, account: string, on: string, late: string, deadline: string) => `#${id} till ${account} ${on}, försenad med ${late} arbetstid (svarstid ${deadline})`,
    noOverdue: 'Inga frågor är försenade just nu.',
    chart: 'Diagrammet visar andelen besvarade i tid per kanal de senaste åtta veckorna.',
    none: 'Inga frågor under perioden.',
    idle: (list: string) => `Inga frågor under någon av perioderna: ${list}.`,
    unattended: (days: number) => `Obevakade konton (frågor försenade i mer än ${days} dagar och inget besvarat eller stängt sedan dess; konton som inte bevakas bör stängas):`,
    unattendedItem: (account: string, on: string, n: number, count: string, since: string) => `${account} ${on}: ${count} ${n === 1 ? 'fråga försenad' : 'frågor försenade, den äldsta'} sedan ${since}`,
  },

  teams: {
    imageMissing: 'Bilden fick inte plats i meddelandet.',
    badAction: 'Jag förstod inte knappen. Skriv hjälp för att se vad jag kan.',
    alreadyDone: 'Det är redan gjort.',
    unboundTenant: 'Den här Microsoft 365-organisationen är inte kopplad till någon kommun eller region i svarstid, så du kan inte hantera frågor här. Be IT koppla den (SVARSTID_TEAMS_TENANTS).',
    /** the app's store texts (manifest.json) */
    appShort: 'Påminner om obesvarade frågor i sociala medier',
    appFull:
      'svarstid ser till att invånarnas frågor i organisationens sociala medier får svar inom utlovad tid. ' +
      'Handläggaren får en påminnelse här när svarstiden närmar sig och kan ta frågan, skicka den vidare, ' +
      'markera den som besvarad, stänga den med ett skäl eller diarieföra den direkt från meddelandet. ' +
      'Skriv hjälp för att se alla kommandon.',
    appName: 'svarstid – svar i tid i sociala medier',
  },
};

/** "Region Gotlands", "Hofors kommuns"; a name that already ends in s, x or z takes no extra s ("Hofors"). */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

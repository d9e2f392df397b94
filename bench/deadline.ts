/**
 * `npm run bench`: deadline throughput of svarstid on the Hofors policy, and the same deadlines
 * from moment-business-time and dayjs-business-time, with agreement and the reasons for the
 * disagreements.
 *
 * Arrivals: N instants (whole seconds) from a seeded PRNG, uniform over 2025-01-01..2040-12-31
 * (Europe/Stockholm), alternating channel x (4 working hours) and facebook (1 working day).
 *
 * Settings (environment): BENCH_N (1000000), BENCH_REPS (5), BENCH_SEED (20250101),
 * BENCH_MOMENT_SAMPLE (8000), BENCH_DAYJS_SAMPLE (20000).
 * The other libraries compute in the process's time zone (TZ); they are run in it, and then once
 * more with TZ=Europe/Stockholm set in-process, to tell time-zone differences from the rest.
 */
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { loadPolicyFile, deadlineFor, ruleFor, type Duration } from '../src/policy/index.js';
import { configureOthers, type OtherLibrary } from './others.js';

const benchStart = process.hrtime.bigint();
const num = (key: string, fallback: number): number => {
  const v = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${key} must be a positive whole number`);
  return v;
};
const N = num('BENCH_N', 1_000_000);
const REPS = num('BENCH_REPS', 5);
const SEED = num('BENCH_SEED', 20250101);
const SAMPLES: Record<string, number> = {
  'moment-business-time': Math.min(N, num('BENCH_MOMENT_SAMPLE', 8_000)),
  'dayjs-business-time': Math.min(N, num('BENCH_DAYJS_SAMPLE', 20_000)),
};
const TARGET = 1_000_000;
const ORG_ZONE = 'Europe/Stockholm';
const POLICY = fileURLToPath(new URL('../policies/hofors.yaml', import.meta.url));
const CHANNELS = ['x', 'facebook'] as const; // arrival i uses CHANNELS[i & 1]

// ---------- small helpers ----------
const secs = (ns: bigint): number => Number(ns) / 1e9;
const ms = (ns: bigint): string => `${(Number(ns) / 1e6).toFixed(1)} ms`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(2)} MiB`;
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const show = (t: number): string =>
  Number.isFinite(t) ? DateTime.fromMillis(t, { zone: ORG_ZONE }).toFormat("ccc yyyy-MM-dd'T'HH:mm:ssZZ") : String(t);
const localDate = (t: number): string => DateTime.fromMillis(t, { zone: ORG_ZONE }).toISODate()!;
/** a signed duration, e.g. "+15 s", "−1 d 2 h 30 min" */
const span = (d: number): string => {
  const sign = d < 0 ? '−' : '+';
  let r = Math.round(Math.abs(d) / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]] as const) {
    if (r >= size) {
      parts.push(`${Math.floor(r / size)} ${unit}`);
      r %= size;
    }
  }
  return d === 0 ? '0' : sign + parts.join(' ');
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** mulberry32: a small seeded PRNG, [0, 1) */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zoneNow(): string {
  return `TZ=${process.env.TZ === undefined ? '(unset)' : process.env.TZ}, local zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
}

/** Sets the process time zone (Node re-reads TZ when process.env.TZ is assigned). */
function setProcessZone(tz: string | undefined): void {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
}

// a way to collect garbage before reading memory figures, without a command-line flag
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
const collect = (): void => {
  if (gc) for (let i = 0; i < 3; i++) gc();
};

console.log('svarstid deadline benchmark');
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cpus (one used)`);
const PROCESS_TZ = process.env.TZ;
console.log(`process time zone: ${zoneNow()}`);
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`load average at start: ${load()} (other processes on these cpus make the timings noisy)`);
console.log('');

// ---------- 1. load and compile, with memory ----------
collect();
const mem0 = process.memoryUsage();
let t0 = process.hrtime.bigint();
const policy = loadPolicyFile(POLICY);
const tLoad = process.hrtime.bigint() - t0;
const cal = policy.calendar;
t0 = process.hrtime.bigint();
cal.compileYears(2025, 2041);
const tCompile = process.hrtime.bigint() - t0;
collect();
const mem1 = process.memoryUsage();

const rules = CHANNELS.map((c) => ruleFor(policy, c));
console.log(`policy: ${POLICY.replace(process.cwd() + '/', '')} (${policy.organization}, ${policy.timezone})`);
console.log(`  rules: ${CHANNELS.map((c, i) => `${c} = ${rules[i]!.text}`).join(', ')}`);
console.log(`  load + parse + validate: ${ms(tLoad)}; compile years 2025–2041: ${ms(tCompile)}`);
console.log(
  `  memory after compiling 2025–2041: heap used ${mib(mem1.heapUsed)} (+${mib(mem1.heapUsed - mem0.heapUsed)} for the policy and calendar), ` +
    `typed-array buffers +${mib(mem1.arrayBuffers - mem0.arrayBuffers)}${gc ? '' : ' (no gc available: figures include garbage)'}`,
);

// ---------- 2. arrivals ----------
const from = DateTime.fromISO('2025-01-01T00:00:00', { zone: ORG_ZONE }).toMillis();
const until = DateTime.fromISO('2041-01-01T00:00:00', { zone: ORG_ZONE }).toMillis();
const spanSeconds = (until - from) / 1000;
const rand = mulberry32(SEED);
const arrivals = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const u = rand() + rand() / 4294967296; // 2 draws: finer than one second over 16 years
  arrivals[i] = from + Math.floor(u * spanSeconds) * 1000;
}
console.log(
  `arrivals: ${int(N)}, seed ${SEED}, uniform in whole seconds over ${show(from)} .. ${show(until - 1000)}, ` +
    `channels alternating ${CHANNELS.join(' / ')}`,
);
console.log('');

// ---------- 3. svarstid ----------
const out = new Float64Array(N);
function runSvarstid(n: number): { ns: bigint; checksum: number } {
  let checksum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const a = arrivals[i]!;
    const d = deadlineFor(policy, CHANNELS[i & 1]!, a).deadline;
    out[i] = d;
    checksum += d - a;
  }
  return { ns: process.hrtime.bigint() - start, checksum };
}
function runCalendarOnly(n: number): { ns: bigint; checksum: number } {
  const hours = rules[0]!.unit === 'time' ? rules[0]!.ms : NaN;
  const days = rules[1]!.unit === 'days' ? rules[1]!.days : NaN;
  let checksum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 2) {
    const a = arrivals[i]!;
    const b = arrivals[i + 1] ?? a;
    checksum += cal.addWorkingTime(a, hours) - a + (cal.addWorkingDays(b, days) - b);
  }
  return { ns: process.hrtime.bigint() - start, checksum };
}

t0 = process.hrtime.bigint();
deadlineFor(policy, 'x', arrivals[0]!);
const tFirst = process.hrtime.bigint() - t0;
const warm = runSvarstid(Math.min(N, 200_000));
console.log('svarstid (deadlineFor(policy, channel, arrival), one core):');
console.log(`  first call ${ms(tFirst)}; warm-up pass over ${int(Math.min(N, 200_000))} arrivals ${ms(warm.ns)} (JIT), not counted`);
const rates: number[] = [];
let checksum = NaN;
for (let r = 0; r < REPS; r++) {
  const run = runSvarstid(N);
  if (r > 0 && run.checksum !== checksum) throw new Error('bench: svarstid results changed between runs');
  checksum = run.checksum;
  rates.push(N / secs(run.ns));
  console.log(`  run ${r + 1}/${REPS}: ${int(N)} deadlines in ${ms(run.ns)} = ${int(rates[r]!)} deadlines/s`);
}
const svRate = median(rates);
console.log(
  `  median ${int(svRate)} deadlines/s (best ${int(Math.max(...rates))}, worst ${int(Math.min(...rates))}); ` +
    `checksum (sum of deadline − arrival) ${checksum}`,
);
const best = Math.max(...rates);
console.log(
  `  target ≥ ${int(TARGET)} deadlines/s: ${svRate >= TARGET ? 'MET' : 'NOT MET'} by the median run` +
    ` (best run: ${best >= TARGET ? 'met' : 'not met'}); load average now ${load()}`,
);
runCalendarOnly(Math.min(N, 200_000));
const calRates: number[] = [];
for (let r = 0; r < Math.min(REPS, 3); r++) {
  const run = runCalendarOnly(N);
  calRates.push(N / secs(run.ns));
}
console.log(
  `  for reference, calendar calls alone (addWorkingTime / addWorkingDays, no rule lookup and no 'allowed' figure): ` +
    `median ${int(median(calRates))}/s`,
);
console.log('');

// ---------- 4. the other libraries ----------
const closed: string[] = [];
const closedKinds = new Map<string, number>();
const shortened = new Set<string>();
for (let y = 2025; y <= 2041; y++) {
  for (const s of cal.specialDays(y)) {
    if (!s.affectsWorkingDay) continue; // a holiday on a weekend closes nothing more
    if (s.kind === 'shortened') shortened.add(s.date);
    else {
      closed.push(s.date);
      closedKinds.set(s.kind, (closedKinds.get(s.kind) ?? 0) + 1);
    }
  }
}
const others = configureOthers(policy.week, closed);
console.log('other libraries, configured from the same policy:');
console.log(
  `  hours: ${policy.week.map((d, i) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i]} ${d.length ? d.map((iv) => `${Math.floor(iv.start / 60)}:${String(iv.start % 60).padStart(2, '0')}-${Math.floor(iv.end / 60)}:${String(iv.end % 60).padStart(2, '0')}`).join(',') : '-'}`).join('; ')}`,
);
console.log(
  `  holidays: ${closed.length} closed weekdays 2025–2041 from svarstid's specialDays (` +
    [...closedKinds].map(([k, n]) => `${k} ${n}`).join(', ') +
    ')',
);
console.log(
  `  not expressible in either: ${shortened.size} shortened working days 2025–2041 (skärtorsdagen, trettondagsafton, 2026-12-23): ` +
    'they count them as full days',
);
console.log('  calls: 4 h = moment.addWorkingTime(4, "hours") / dayjs.addBusinessHours(4); 1 day = moment.addWorkingTime(1, "day") / dayjs.addBusinessDays(1)');

interface LibRun {
  readonly lib: OtherLibrary;
  readonly zone: string | undefined;
  readonly sample: number;
  readonly rate: number;
  readonly results: Float64Array;
}
function runOther(lib: OtherLibrary, sample: number, zone: string | undefined): LibRun {
  setProcessZone(zone);
  // warm-up on arrivals outside the measured sample (from the end of the list)
  for (let i = N - 1; i >= Math.max(sample, N - 300); i--) lib.deadline(arrivals[i]!, rules[i & 1]!);
  const results = new Float64Array(sample);
  let sum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < sample; i++) {
    const a = arrivals[i]!;
    const d = lib.deadline(a, rules[i & 1]!);
    results[i] = d;
    sum += d - a;
  }
  const ns = process.hrtime.bigint() - start;
  const rate = sample / secs(ns);
  console.log(`  ${lib.name.padEnd(21)} ${zoneNow().padEnd(46)} ${int(sample).padStart(6)} deadlines in ${ms(ns).padStart(10)} = ${int(rate).padStart(7)} deadlines/s (checksum ${sum})`);
  return { lib, zone, sample, rate, results };
}

console.log('  timing (same first arrivals as svarstid, same process):');
const runs: LibRun[] = [];
const zones: Array<string | undefined> = [PROCESS_TZ];
const stockholmPass = Intl.DateTimeFormat().resolvedOptions().timeZone !== ORG_ZONE;
if (stockholmPass) zones.push(ORG_ZONE);
for (const zone of zones) for (const lib of others) runs.push(runOther(lib, SAMPLES[lib.name]!, zone));
setProcessZone(PROCESS_TZ);
// the in-process zone switch must have worked, or the "time zone" category means nothing
if (stockholmPass) {
  setProcessZone(ORG_ZONE);
  const hourThere = new Date(Date.UTC(2026, 6, 1, 12)).getHours();
  setProcessZone(PROCESS_TZ);
  if (hourThere !== 14) throw new Error('bench: setting process.env.TZ in-process did not take effect');
}
console.log('');

// ---------- 5. agreement and why the rest differ ----------
type Situation = 'open' | 'before opening' | 'in the lunch break' | 'after close' | 'on a closed day (weekend/holiday/eve)';
function situation(a: number): Situation {
  if (cal.isOpen(a)) return 'open';
  const date = localDate(a);
  const first = cal.nextOpening(DateTime.fromISO(date, { zone: ORG_ZONE }).toMillis());
  if (localDate(first) !== date) return 'on a closed day (weekend/holiday/eve)';
  if (a < first) return 'before opening';
  return localDate(cal.nextOpening(a)) === date ? 'in the lunch break' : 'after close';
}
function touchesShortened(a: number, b: number): boolean {
  let d = DateTime.fromMillis(a, { zone: ORG_ZONE }).startOf('day');
  const last = localDate(b);
  for (let k = 0; k < 40; k++) {
    const iso = d.toISODate()!;
    if (shortened.has(iso)) return true;
    if (iso >= last) return false;
    d = d.plus({ days: 1 });
  }
  return false;
}
const isClose = (t: number): boolean => cal.isOpen(t - 1) && !cal.isOpen(t);

const CATEGORY_TEXT: Record<string, string> = {
  zone: 'time zone only: same answer as svarstid when the library runs with TZ=Europe/Stockholm (it applies the hours in the process zone)',
  'day-outside': '1 working day, arrival outside working hours: they add calendar days and keep the raw clock time; svarstid gives the end of the next working day (or, from the lunch break, the same working position = 12:00)',
  shortened: 'a shortened day between arrival and deadline: not expressible in them, they count it as a full day',
  'day-shorter': '1 working day into a shorter day (Thu→Fri, Mon–Thu 7.5 h vs Fri 6 h): svarstid stops at that day\'s close, they keep the clock time after the close',
  'next-opening': 'boundary: they return the next opening where svarstid returns the close (same working position)',
  'close-not-opening': 'boundary: they return a close where svarstid returns the next opening',
  minute: '4 working hours, arrival in hours with seconds: they step in whole minutes (diff(..., "minute") truncates) and skip the leftover seconds before a break uncounted, so the result is on a whole minute, up to 59 s late',
  other: 'other',
};
const SHORT: Record<string, string> = {
  zone: 'time zone only',
  'day-outside': 'day rule from outside hours',
  shortened: 'shortened day',
  'day-shorter': 'day rule into a shorter day',
  'next-opening': 'next opening instead of the close',
  'close-not-opening': 'a close instead of the next opening',
  minute: 'whole-minute steps',
};
function category(i: number, rule: Duration, s: number, theirsHome: number): { key: string; sub?: string } {
  const a = arrivals[i]!;
  if (theirsHome === s) return { key: 'zone' };
  if (rule.unit === 'days') {
    const sit = situation(a);
    if (sit !== 'open') return { key: 'day-outside', sub: sit };
  }
  if (touchesShortened(a, Math.max(s, theirsHome))) return { key: 'shortened' };
  if (rule.unit === 'days' && isClose(s) && !cal.isOpen(theirsHome) && theirsHome > s) {
    if (cal.nextOpening(theirsHome) !== cal.nextOpening(s)) return { key: 'other' };
    return { key: 'day-shorter' };
  }
  if (isClose(s) && cal.nextOpening(s) === theirsHome) return { key: 'next-opening' };
  if (isClose(theirsHome) && cal.nextOpening(theirsHome) === s) return { key: 'close-not-opening' };
  if (rule.unit === 'time' && Math.abs(theirsHome - s) < 60_000) return { key: 'minute' };
  return { key: 'other' };
}

interface Tally {
  agree: number;
  total: number;
}
interface Summary {
  run: LibRun;
  agree: number;
  perRule: Map<string, Tally>;
}
const summaries: Summary[] = [];
const EXAMPLES = 3;
for (const run of runs) {
  const home = stockholmPass ? runs.find((r) => r.lib === run.lib && r.zone === ORG_ZONE)! : run;
  const isHome = home === run;
  const perRule = new Map<string, Tally>(CHANNELS.map((c, k) => [`${c} (${rules[k]!.text})`, { agree: 0, total: 0 }]));
  const cats = new Map<
    string,
    { n: number; subs: Map<string, number>; examples: number[]; lo: number; hi: number; homeLo: number; homeHi: number; byRule: number[] }
  >();
  let agree = 0;
  for (let i = 0; i < run.sample; i++) {
    const tally = [...perRule.values()][i & 1]!;
    tally.total++;
    const s = out[i]!;
    if (run.results[i] === s) {
      agree++;
      tally.agree++;
      continue;
    }
    const c = category(i, rules[i & 1]!, s, home.results[i]!);
    let e = cats.get(c.key);
    if (!e) {
      e = { n: 0, subs: new Map(), examples: [], lo: Infinity, hi: -Infinity, homeLo: Infinity, homeHi: -Infinity, byRule: [0, 0] };
      cats.set(c.key, e);
    }
    e.n++;
    e.byRule[i & 1]!++;
    e.homeLo = Math.min(e.homeLo, home.results[i]! - s);
    e.homeHi = Math.max(e.homeHi, home.results[i]! - s);
    e.lo = Math.min(e.lo, run.results[i]! - s);
    e.hi = Math.max(e.hi, run.results[i]! - s);
    if (c.sub) e.subs.set(c.sub, (e.subs.get(c.sub) ?? 0) + 1);
    if (e.examples.length < EXAMPLES) e.examples.push(i);
  }
  summaries.push({ run, agree, perRule });
  const zoneLabel = run.zone === undefined ? 'TZ unset' : `TZ=${run.zone}`;
  console.log(`${run.lib.name} (${zoneLabel}) vs svarstid on the first ${int(run.sample)} arrivals: ${int(agree)} agree (${pct(agree, run.sample)}), ${int(run.sample - agree)} differ`);
  for (const [rule, t] of perRule) console.log(`  ${rule.padEnd(24)} ${int(t.agree).padStart(6)} / ${int(t.total)} agree (${pct(t.agree, t.total)})`);
  const order = Object.keys(CATEGORY_TEXT);
  for (const [key, e] of [...cats].sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]))) {
    const label = key === 'zone' || isHome ? '' : ' (still differs with TZ=Europe/Stockholm)';
    console.log(`  - ${int(e.n).padStart(6)} (${pct(e.n, run.sample - agree)} of the differences) ${CATEGORY_TEXT[key]}${label}`);
    const there = isHome || key === 'zone' ? '' : `; with TZ=${ORG_ZONE} ${span(e.homeLo)} .. ${span(e.homeHi)}`;
    const byRule = CHANNELS.map((c, k) => `${c} ${int(e.byRule[k]!)}`).join(', ');
    console.log(`           by rule: ${byRule}; theirs − svarstid: ${span(e.lo)} .. ${span(e.hi)}${there}`);
    if (e.subs.size) console.log(`           by arrival: ${[...e.subs].sort((x, y) => y[1] - x[1]).map(([s, n]) => `${s} ${int(n)}`).join(', ')}`);
    if (!isHome || stockholmPass === false) {
      for (const i of e.examples) {
        const rule = CHANNELS[i & 1];
        const theirs = stockholmPass ? `${show(run.results[i]!)}, with TZ=${ORG_ZONE} ${show(home.results[i]!)}` : show(run.results[i]!);
        console.log(`           ${rule!.padEnd(8)} arrival ${show(arrivals[i]!)} -> svarstid ${show(out[i]!)} | theirs ${theirs}`);
      }
    }
  }
  const none = order.filter((k) => k !== 'other' && !cats.has(k) && (k !== 'zone' || !isHome));
  if (none.length) console.log(`  -      0 of the kinds: ${none.map((k) => SHORT[k]).join('; ')}`);
  console.log('');
}

// ---------- 6. side by side ----------
const rows: string[][] = [['library', 'process zone', 'sample', 'deadlines/s', 'svarstid is', 'agree', 'disagree']];
rows.push(['svarstid', 'any (uses the policy zone)', int(N), int(svRate), '1×', '-', '-']);
for (const s of summaries) {
  rows.push([
    s.run.lib.name,
    s.run.zone === undefined ? 'TZ unset (UTC here)' : `TZ=${s.run.zone}`,
    int(s.run.sample),
    int(s.run.rate),
    `${int(svRate / s.run.rate)}× faster`,
    `${int(s.agree)} (${pct(s.agree, s.run.sample)})`,
    int(s.run.sample - s.agree),
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const [k, r] of rows.entries()) {
  console.log(r.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | '));
  if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
}
console.log('');
console.log(`total bench time ${(secs(process.hrtime.bigint() - benchStart)).toFixed(1)} s`);

/** Parses X API v1.1 `created_at` ("Wed Oct 10 20:19:24 +0000 2018") to epoch ms, without the engine's lenient Date parser. */
import { utcMillis } from '../../../src/time/iso.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const CREATED_AT = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** Epoch ms, or undefined when the text is not a v1.1 timestamp of a real date and time. */
export function parseCreatedAt(text: string): number | undefined {
  const m = CREATED_AT.exec(text);
  if (m === null) return undefined;
  const [, mon = '', day = '', hh = '', mm = '', ss = '', sign, oh = '', om = '', year = ''] = m;
  const month = (MONTHS as readonly string[]).indexOf(mon);
  if (month < 0 || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  if (Number(om) > 59 || Number(oh) * 60 + Number(om) > 18 * 60) return undefined; // "+9999" is no UTC offset (X sends +0000)
  const utc = utcMillis(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss)); // exact for years < 100 too
  if (new Date(utc).getUTCDate() !== Number(day)) return undefined; // Feb 30 and the like
  const offsetMs = (Number(oh) * 60 + Number(om)) * 60_000;
  return sign === '+' ? utc - offsetMs : utc + offsetMs;
}

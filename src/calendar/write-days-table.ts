/**
 * Run by `npm run build` (compiled): writes dist/swedish-days.json, the Swedish days of
 * TABLE_YEARS computed from date-holidays, so that a CLI call does not load date-holidays
 * (src/calendar/swedish-days.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { daysTable, TABLE_FILE } from './swedish-days.js';

mkdirSync(dirname(TABLE_FILE), { recursive: true });
writeFileSync(TABLE_FILE, JSON.stringify(daysTable()));

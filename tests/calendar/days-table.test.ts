/**
 * The build's table of Swedish days (dist/swedish-days.json, written by `npm run build`, read by a
 * CLI call instead of loading date-holidays) holds exactly what date-holidays computes, and a table
 * made from another date-holidays version is not used.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computedSwedishDays, daysTable, readDaysTable, swedishDays, TABLE_FILE, TABLE_YEARS } from '../../src/calendar/swedish-days.js';

describe('the table of Swedish days the build writes', () => {
  it('is there (the tests build dist/ first) and equals date-holidays for every year it covers', () => {
    const table = readDaysTable(TABLE_FILE);
    expect(table).not.toBeNull();
    for (let y = TABLE_YEARS.first; y <= TABLE_YEARS.last; y++) expect(table!.years[y], String(y)).toEqual(computedSwedishDays(y));
    // midsommarafton 2026 and the 2004 annandag pingst correction are in it
    expect(table!.years[2026]).toContainEqual({ date: '2026-06-19', name: 'midsommarafton', public: false });
    expect(table!.years[2004]!.some((d) => d.name === 'annandag pingst' && d.public)).toBe(true);
  });

  it('a year outside it is computed by date-holidays', () => {
    expect(swedishDays(TABLE_YEARS.last + 1)).toEqual(computedSwedishDays(TABLE_YEARS.last + 1));
    expect(swedishDays(TABLE_YEARS.last + 1).find((d) => d.name === 'juldagen')?.date).toBe(`${TABLE_YEARS.last + 1}-12-25`);
  });

  it('a table from another date-holidays version, or not JSON, is not used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-days-'));
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...daysTable(), dateHolidays: '0.0.1' }));
    expect(readDaysTable(other)).toBeNull();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"dateHolidays": ');
    expect(readDaysTable(broken)).toBeNull();
    const same = join(dir, 'same.json');
    writeFileSync(same, JSON.stringify(daysTable()));
    expect(readDaysTable(same)?.years[2026]).toEqual(computedSwedishDays(2026));
  });
});

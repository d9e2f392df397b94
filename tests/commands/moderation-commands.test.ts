import { describe, expect, it } from 'vitest';
import { command, error } from './helpers.js';

describe('dölj, radera and ta bort: hide and remove with a reason', () => {
  it('reads dölj / hide with a reason and a note', () => {
    expect(command('dölj 42 personangrepp kallade handläggaren idiot')).toEqual({ type: 'hide', inquiryId: 42, reason: 'personangrepp', note: 'kallade handläggaren idiot' });
    expect(command('hide #7 spam')).toEqual({ type: 'hide', inquiryId: 7, reason: 'reklam/spam' });
    expect(command('dolj 7 svordomar')).toEqual({ type: 'hide', inquiryId: 7, reason: 'svordomar/obscena ord' });
  });
  it('reads radera / remove, and "ta bort" as remove while "ta" alone stays claim', () => {
    expect(command('radera 42 hets mot folkgrupp')).toEqual({ type: 'remove', inquiryId: 42, reason: 'hets mot folkgrupp' });
    expect(command('remove 42 threats')).toEqual({ type: 'remove', inquiryId: 42, reason: 'hot/trakasserier' });
    expect(command('ta bort 42 kommersiella budskap')).toEqual({ type: 'remove', inquiryId: 42, reason: 'kommersiella budskap' });
    expect(command('Ta Bort 42 länk')).toEqual({ type: 'remove', inquiryId: 42, reason: 'länk till otillåtet material' });
    expect(command('ta 42')).toEqual({ type: 'claim', inquiryId: 42 });
  });
  it('needs a reason, and a note for annat', () => {
    expect(error('dölj 42')).toEqual({ code: 'missing_reason', command: 'hide' });
    expect(error('ta bort 42 annat')).toEqual({ code: 'missing_note', command: 'remove', given: 'annat' });
    expect(command('ta bort 42 annat dubblett')).toEqual({ type: 'remove', inquiryId: 42, reason: 'annat', note: 'dubblett' });
    expect(error('radera 42 tråkig')).toMatchObject({ code: 'unknown_reason', command: 'remove', given: 'tråkig' });
    expect(error('ta bort')).toEqual({ code: 'missing_id', command: 'remove' });
  });
  it('reads polisanmälan / police-report with ja or nej and a note', () => {
    expect(command('polisanmälan 42 ja anmäld 2 dec')).toEqual({ type: 'police', inquiryId: 42, made: true, note: 'anmäld 2 dec' });
    expect(command('police-report 42 no')).toEqual({ type: 'police', inquiryId: 42, made: false });
    expect(error('polisanmälan 42')).toEqual({ code: 'missing_answer', command: 'police' });
    expect(error('polisanmälan 42 kanske')).toEqual({ code: 'missing_answer', command: 'police', given: 'kanske' });
  });
});

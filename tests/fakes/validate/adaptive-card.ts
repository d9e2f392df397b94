/**
 * An Adaptive Card as Microsoft's own renderer reads it: the `adaptivecards` package (the JS SDK
 * Teams' cards come from) parses the JSON at the card's own `version` — a property newer than that
 * version is reported — and then validates it (`validateProperties`: duplicate input ids, empty
 * choice sets, missing titles, …). Every event of either phase is a problem.
 *
 * The package's ESM entry (`lib/`) does not load in Node; its UMD bundle does, through require.
 *
 * One exception, documented by Microsoft for Teams: `choices.data` (a `Data.Query`, the dynamic
 * typeahead of Input.ChoiceSet). The SDK lists it under schema 1.6, while Teams renders at most
 * 1.5 for bot-sent cards ("Teams platform supports v1.5 or earlier of Adaptive Card features for
 * bot sent cards", msteams-docs cards-reference.md) and documents the typeahead as a Teams feature
 * in cards of any version (msteams-docs task-modules-and-cards/cards/dynamic-search.md: its example
 * is a version 1.2 card). So "choices.data is supported in version 1.6" is not reported for a
 * Data.Query; anything else about it (a wrong type, no dataset) still is.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** The Teams extension the SDK files under 1.6 (see above). */
const TEAMS_TYPEAHEAD = /^Property "choices\.data" is supported in version 1\.6, but you are using version 1\.[0-5]\.$/;

function dataQueriesWellFormed(node: unknown, problems: string[], path = 'card'): void {
  if (Array.isArray(node)) return node.forEach((n, i) => dataQueriesWellFormed(n, problems, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if ('choices.data' in o) {
    const q = o['choices.data'] as Record<string, unknown> | null;
    if (o.type !== 'Input.ChoiceSet') problems.push(`${path}: choices.data outside an Input.ChoiceSet`);
    if (typeof q !== 'object' || q === null || q.type !== 'Data.Query' || typeof q.dataset !== 'string' || q.dataset === '') {
      problems.push(`${path}: choices.data must be {"type":"Data.Query","dataset":"…"}`);
    }
  }
  for (const [k, v] of Object.entries(o)) dataQueriesWellFormed(v, problems, `${path}.${k}`);
}

/** What Microsoft's SDK finds wrong with `card`; empty when nothing. */
export function adaptiveCardProblems(card: unknown): string[] {
  if (typeof card !== 'object' || card === null) return ['the card is not a JSON object'];
  const json = card as Record<string, unknown>;
  if (json.type !== 'AdaptiveCard') return [`type is ${JSON.stringify(json.type)}, not "AdaptiveCard"`];
  if (typeof json.version !== 'string') return ['the card has no version'];
  const problems: string[] = [];
  const probe = new AC.SerializationContext();
  const version = AC.Version.parse(json.version, probe);
  if (!version || !version.isValid || probe.eventCount > 0) return [`the version ${JSON.stringify(json.version)} is not a valid Adaptive Card version`];
  const context = new AC.SerializationContext(version);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (!TEAMS_TYPEAHEAD.test(e.message)) problems.push(`parse: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  dataQueriesWellFormed(json, problems);
  return problems;
}

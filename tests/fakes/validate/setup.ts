/**
 * vitest setup (every test file): a payload the validators refused fails the test during which it
 * was sent, with the validator's message; what was sent before the first test or after the last is
 * reported by the file's afterAll. The file's tally goes to the reporter in its meta.
 */
import { afterAll, afterEach } from 'vitest';
import { counts, describeProblems, takeProblems } from './index.js';

function failOnProblems(): void {
  const problems = takeProblems();
  if (problems.length > 0) throw new Error(describeProblems(problems));
}

afterEach(failOnProblems);

afterAll(({}, suite) => {
  (suite.meta as Record<string, unknown>).payloads = counts();
  failOnProblems();
});

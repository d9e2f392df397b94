/**
 * A Teams app manifest against Microsoft's JSON schema for its own `manifestVersion`, as bundled in
 * @microsoft/app-manifest (build/json-schemas/teams/v1.x/MicrosoftTeams.schema.json), with that
 * package's own validator (ajv, draft-04, all errors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';

const require = createRequire(import.meta.url);
const SCHEMAS = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

export function schemaPath(manifestVersion: string): string {
  return join(SCHEMAS, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

export async function teamsManifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  const path = schemaPath(version);
  if (!existsSync(path)) return [`no schema for manifestVersion ${version} in @microsoft/app-manifest`];
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  // ManifestUtil is typed for its own TeamsAppManifest; the validator takes any JSON
  return ManifestUtil.validateManifestAgainstSchema(manifest as never, schema);
}

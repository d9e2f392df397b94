/** Applying policy and directory files to the database (svarstid org apply / directory apply / serve). */
import { existsSync, readdirSync } from 'node:fs';
import { readConfigFile } from '../platform/config-file.js';
import { basename, join } from 'node:path';
import { DirectoryError, type DirectoryStore } from '../db/directory-store.js';
import { parseDirectory } from '../people/directory-file.js';
import { PolicyError, parsePolicy } from '../policy/index.js';
import type { PolicyRegistry } from '../policy/registry.js';

export interface AdminDeps {
  readonly directory: DirectoryStore;
  readonly policies: PolicyRegistry;
  readonly now: () => number;
}

function read(path: string, what: 'policy' | 'directory'): string {
  try {
    return readConfigFile(path).text;
  } catch (e) {
    throw new PolicyError(path, [{ path: '', message: `cannot read the ${what} file: ${(e as Error).message}` }], what);
  }
}

/** The organization key of a policy file: its name without .yaml ("policies/hofors.yaml" -> "hofors"). */
export function orgKeyOf(path: string): string {
  return basename(path).replace(/\.ya?ml$/, '');
}

export async function applyPolicyFile(deps: AdminDeps, path: string): Promise<{ org: string; changed: boolean }> {
  const yaml = read(path, 'policy');
  const policy = parsePolicy(yaml, path);
  const org = orgKeyOf(path);
  const changed = await deps.directory.applyOrganization(org, yaml, policy, deps.now());
  deps.policies.set(org, yaml, path);
  return { org, changed };
}

export async function applyDirectoryFile(deps: AdminDeps, path: string) {
  const data = parseDirectory(read(path, 'directory'), path);
  try {
    return { org: data.organization, ...(await deps.directory.applyDirectory(data)) };
  } catch (e) {
    throw e instanceof DirectoryError ? new DirectoryError(`${path}: ${e.message}`) : e;
  }
}

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];
}

/** Applies every policy, then every directory file; all are validated before anything is written. */
export async function applyFolders(deps: AdminDeps, policiesDir: string, directoryDir: string): Promise<{ organizations: string[]; directories: string[] }> {
  const policyFiles = yamlFiles(policiesDir);
  const directoryFiles = yamlFiles(directoryDir);
  for (const f of policyFiles) parsePolicy(read(f, 'policy'), f);
  for (const f of directoryFiles) parseDirectory(read(f, 'directory'), f);
  for (const f of policyFiles) await applyPolicyFile(deps, f);
  for (const f of directoryFiles) await applyDirectoryFile(deps, f);
  return { organizations: policyFiles.map(orgKeyOf), directories: directoryFiles };
}

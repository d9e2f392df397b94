/**
 * Per-account platform credentials: a Facebook page's access token, an X account's OAuth 1.0a user
 * token and secret. The directory file names where each account's credential lives, never the value:
 *
 *   credentials: { env: HOFORS_FACEBOOK_TOKEN }   # an environment variable
 *   credentials: { secrets: hofors-x }            # an entry of the secrets file (SVARSTID_SECRETS_FILE)
 *
 * The secrets file is YAML outside the repository, readable by its owner only (0600 or 0400), mapping
 * names to a token, or to an object for X:
 *
 *   hofors-facebook: EAAG…
 *   hofors-x: { access_token: "1400…-Ab…", access_token_secret: "Qw…" }
 *
 * In an environment variable an X credential is "<access token>:<access token secret>". Values are
 * wrapped in `Secret` and never stored in the database, logged or sent to chat.
 */
import { ConfigFileError, readConfigFile } from './config-file.js';
import { parseDocument } from 'yaml';
import { yamlData } from '../yaml-data.js';
import * as z from 'zod';
import { Secret } from './secret.js';

export const CredentialRefSchema = z.union([
  z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name: upper case letters, digits and _') }),
  z.strictObject({ secrets: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a secrets file entry: letters, digits, ".", "_" and "-"') }),
]);

export type CredentialRef = z.output<typeof CredentialRefSchema>;

/** What an account's credential resolves to, by platform. */
export interface MetaCredential {
  readonly kind: 'meta';
  readonly pageToken: Secret;
}

export interface XCredential {
  readonly kind: 'x';
  readonly accessToken: Secret;
  readonly accessTokenSecret: Secret;
}

export type AccountCredential = MetaCredential | XCredential;

/** The raw values a reference points to: one string, or (secrets file) a small map. */
export type RawCredential = string | Readonly<Record<string, string>>;

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  readonly code = 'credentials_invalid';
}

export interface CredentialSource {
  /** the raw value behind a reference, or undefined when it is not set */
  raw(ref: CredentialRef): RawCredential | undefined;
}

const SecretsFile = z.record(z.string(), z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]));

/**
 * Reads the secrets file once (and checks that only its owner can read it); environment variables are
 * read at each call, so a rotated variable needs a restart like any other.
 */
export function credentialSource(env: Readonly<Record<string, string | undefined>>, secretsFile?: string): CredentialSource {
  const file = secretsFile ? readSecretsFile(secretsFile) : undefined;
  return {
    raw(ref) {
      if ('env' in ref) {
        const v = env[ref.env];
        return v === undefined || v === '' ? undefined : v;
      }
      return file?.[ref.secrets];
    },
  };
}

export function readSecretsFile(path: string): Readonly<Record<string, RawCredential>> {
  let mode: number;
  let text: string;
  try {
    ({ text, mode } = readConfigFile(path));
  } catch (e) {
    throw new CredentialError(`${path}: cannot read the secrets file: ${e instanceof ConfigFileError ? e.reason : 'error'}`);
  }
  if ((mode & 0o077) !== 0) throw new CredentialError(`${path}: the secrets file is readable by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new CredentialError(`${path}: YAML syntax: ${doc.errors[0]!.message.split('\n')[0]}`);
  const converted = yamlData(doc);
  if (!converted.ok) throw new CredentialError(`${path}: ${converted.message}`);
  const parsed = SecretsFile.safeParse(converted.data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CredentialError(`${path}: ${issue.path.join('.') || 'the file'}: each entry is a token or a map of names to tokens`);
  }
  return parsed.data;
}

/** Where a reference points, for messages (never the value). */
export const describeRef = (ref: CredentialRef): string => ('env' in ref ? `environment variable ${ref.env}` : `secrets file entry "${ref.secrets}"`);

/** A Meta page token from its raw value. */
export function metaCredential(raw: RawCredential, ref: CredentialRef): MetaCredential {
  if (typeof raw !== 'string') throw new CredentialError(`${describeRef(ref)}: a Meta page access token is one value, not a map`);
  return { kind: 'meta', pageToken: new Secret(raw) };
}

/** An X OAuth 1.0a user credential: "token:secret" in the environment, or {access_token, access_token_secret} in the file. */
export function xCredential(raw: RawCredential, ref: CredentialRef): XCredential {
  if (typeof raw === 'string') {
    const i = raw.indexOf(':');
    if (i <= 0 || i === raw.length - 1) throw new CredentialError(`${describeRef(ref)}: an X credential is "<access token>:<access token secret>"`);
    return { kind: 'x', accessToken: new Secret(raw.slice(0, i)), accessTokenSecret: new Secret(raw.slice(i + 1)) };
  }
  const token = raw.access_token;
  const secret = raw.access_token_secret;
  if (!token || !secret) throw new CredentialError(`${describeRef(ref)}: an X credential needs access_token and access_token_secret`);
  return { kind: 'x', accessToken: new Secret(token), accessTokenSecret: new Secret(secret) };
}

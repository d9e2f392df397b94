/**
 * A parsed YAML document as plain data, for the policy, directory and secrets files. The `yaml`
 * package guards against resource exhaustion while converting: an alias-bomb ("billion laughs")
 * throws a ReferenceError ("Excessive alias count …"), a document nested past the stack a
 * RangeError. Both are a file's fault, not a bug: they become a message the caller puts beside the
 * file's name.
 */
import type { Document } from 'yaml';

export type YamlData = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly message: string };

export function yamlData(doc: Document): YamlData {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    if (e instanceof ReferenceError) return { ok: false, message: 'YAML: too many aliases (a resource-exhaustion shape); write the values out' };
    if (e instanceof RangeError) return { ok: false, message: 'YAML: nested too deeply' };
    throw e;
  }
}

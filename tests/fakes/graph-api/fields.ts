/**
 * Graph API field expansion, as far as the fake needs it: `fields=id,message,comments.limit(5){id,from}`
 * → top-level names ['id', 'message', 'comments'] with their modifiers ({limit: '5'}). Nested field
 * lists are not narrowed (the fake answers every field it has for nested objects).
 */
export interface FieldSpec {
  readonly name: string;
  readonly modifiers: Readonly<Record<string, string>>;
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

export function parseFields(fields: string | null): FieldSpec[] | undefined {
  if (fields === null || fields === '') return undefined;
  return splitTop(fields).map((item) => {
    const name = /^[a-z_]+/i.exec(item)?.[0] ?? item;
    const modifiers: Record<string, string> = {};
    for (const m of item.matchAll(/\.([a-z_]+)\(([^)]*)\)/gi)) modifiers[m[1]!] = m[2]!;
    return { name, modifiers };
  });
}

/** The object narrowed to the requested fields (id always kept), or whole when none were asked for. */
export function pick(o: Record<string, unknown>, fields: FieldSpec[] | undefined): Record<string, unknown> {
  if (!fields) return o;
  const out: Record<string, unknown> = { id: o.id };
  for (const f of fields) if (o[f.name] !== undefined) out[f.name] = o[f.name];
  return out;
}

export const wants = (fields: FieldSpec[] | undefined, name: string): FieldSpec | undefined => fields?.find((f) => f.name === name);

/**
 * Block Kit payloads checked against Slack's documented limits, at run time (what TypeScript cannot
 * see: lengths, counts, uniqueness). The figures are Slack's, from the @slack/types doc comments
 * (node_modules/@slack/types/dist/block-kit/*.d.ts, views.d.ts) and docs.slack.dev:
 *
 *   blocks           50 per message, 100 per modal or Home tab (reference/block-kit/blocks)
 *   block_id         255 characters; unique in the payload, and new for each version of an updated
 *                    message ("If a message is updated, use a new block_id", blocks.d.ts) — the
 *                    fake Web API checks the second part across versions
 *   action_id        255 characters, unique among the action_ids of its block (extensions.d.ts)
 *   section          text 1–3,000; fields ≤ 10, each ≤ 2,000 (blocks.d.ts)
 *   header           plain_text ≤ 150 (blocks.d.ts)
 *   context          ≤ 10 elements; a text object 1–3,000 (blocks.d.ts, composition-objects.d.ts)
 *   actions          ≤ 25 elements (blocks.d.ts)
 *   input            label ≤ 2,000, hint ≤ 2,000 (blocks.d.ts)
 *   button           text ≤ 75, value ≤ 2,000, url ≤ 3,000 (block-elements.d.ts)
 *   static_select    ≤ 100 options; option text ≤ 75, value ≤ 150 (block-elements.d.ts,
 *                    composition-objects.d.ts); placeholder ≤ 150 (extensions.d.ts)
 *   plain_text_input placeholder ≤ 150, max_length ≤ 3,000 (block-elements.d.ts)
 *   confirm          title ≤ 100, text ≤ 300, confirm and deny ≤ 30 (composition-objects.d.ts)
 *   modal            title, submit, close ≤ 24 (submit required with input blocks);
 *                    private_metadata ≤ 3,000; callback_id ≤ 255 (views.d.ts)
 *   text (message)   "For best results, limit the number of characters in the text field to 4,000
 *                    characters" (docs.slack.dev/reference/methods/chat.postMessage, Truncating)
 *
 * And svarstid's own rule for mrkdwn (Slack's "Escaping text", docs.slack.dev/messaging/
 * formatting-message-text): no unescaped `<!…>`, `<@…>`, `<#…>` or `<https://…|…>` from a citizen
 * may reach Slack, in blocks or in the notification `text`; svarstid writes none of its own.
 */

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const KNOWN_BLOCKS = new Set(['section', 'header', 'context', 'actions', 'divider', 'input', 'image', 'rich_text', 'markdown']);
/** a mention, a special mention or a link, as Slack reads `<…>` in mrkdwn */
const CONTROL = /<[!@#]|<https?:|<mailto:/i;

const chars = (s: string): number => Array.from(s).length;
const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  length(path: string, value: unknown, max: number, min = 0): void {
    if (typeof value !== 'string') return this.fail(path, 'must be a string');
    const n = chars(value);
    if (n < min) this.fail(path, `must have at least ${min} character${min === 1 ? '' : 's'}`);
    if (n > max) this.fail(path, `${n} characters, over Slack's limit of ${max}`);
  }

  /** A text object: plain_text or mrkdwn, 1..max characters. */
  text(path: string, t: unknown, max: number, only?: 'plain_text'): void {
    if (!isObject(t)) return this.fail(path, 'must be a text object');
    if (t.type !== 'plain_text' && t.type !== 'mrkdwn') return this.fail(path, `type ${JSON.stringify(t.type)} is not plain_text or mrkdwn`);
    if (only && t.type !== only) this.fail(path, `must be ${only}`);
    this.length(`${path}.text`, t.text, max, 1);
    if (t.type === 'mrkdwn' && typeof t.text === 'string' && CONTROL.test(t.text)) this.fail(`${path}.text`, `unescaped mrkdwn control sequence ${JSON.stringify(CONTROL.exec(t.text)![0])}`);
    if (t.type === 'plain_text' && t.verbatim !== undefined) this.fail(path, 'verbatim is for mrkdwn only');
  }

  confirm(path: string, c: unknown): void {
    if (c === undefined) return;
    if (!isObject(c)) return this.fail(path, 'must be a confirmation object');
    this.text(`${path}.title`, c.title, 100, 'plain_text');
    this.text(`${path}.text`, c.text, 300);
    this.text(`${path}.confirm`, c.confirm, 30, 'plain_text');
    this.text(`${path}.deny`, c.deny, 30, 'plain_text');
    if (c.style !== undefined && c.style !== 'primary' && c.style !== 'danger') this.fail(`${path}.style`, 'must be primary or danger');
  }

  element(path: string, e: unknown, actionIds: Set<string>): void {
    if (!isObject(e)) return this.fail(path, 'must be an element object');
    if (e.action_id !== undefined) {
      this.length(`${path}.action_id`, e.action_id, 255, 1);
      if (actionIds.has(e.action_id)) this.fail(`${path}.action_id`, `${JSON.stringify(e.action_id)} is used twice in one block`);
      actionIds.add(e.action_id);
    }
    switch (e.type) {
      case 'button':
        this.text(`${path}.text`, e.text, 75, 'plain_text');
        if (e.value !== undefined) this.length(`${path}.value`, e.value, 2000);
        if (e.url !== undefined) this.length(`${path}.url`, e.url, 3000);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.fail(`${path}.style`, 'must be primary or danger');
        return this.confirm(`${path}.confirm`, e.confirm);
      case 'static_select': {
        if (e.placeholder !== undefined) this.text(`${path}.placeholder`, e.placeholder, 150, 'plain_text');
        const options = e.options;
        if (!Array.isArray(options) || options.length === 0) return this.fail(`${path}.options`, 'must be a non-empty array');
        if (options.length > 100) this.fail(`${path}.options`, `${options.length} options, over Slack's limit of 100`);
        const values = new Set<string>();
        options.forEach((o: unknown, i: number) => {
          if (!isObject(o)) return this.fail(`${path}.options[${i}]`, 'must be an option object');
          this.text(`${path}.options[${i}].text`, o.text, 75, 'plain_text');
          this.length(`${path}.options[${i}].value`, o.value, 150, 1);
          if (values.has(o.value)) this.fail(`${path}.options[${i}].value`, `${JSON.stringify(o.value)} appears twice`);
          values.add(o.value);
        });
        return this.confirm(`${path}.confirm`, e.confirm);
      }
      case 'users_select':
        if (e.placeholder !== undefined) this.text(`${path}.placeholder`, e.placeholder, 150, 'plain_text');
        return this.confirm(`${path}.confirm`, e.confirm);
      case 'plain_text_input':
        if (e.placeholder !== undefined) this.text(`${path}.placeholder`, e.placeholder, 150, 'plain_text');
        if (e.max_length !== undefined && !(Number.isInteger(e.max_length) && e.max_length >= 1 && e.max_length <= 3000)) this.fail(`${path}.max_length`, 'must be 1–3000');
        if (e.min_length !== undefined && !(Number.isInteger(e.min_length) && e.min_length >= 0 && e.min_length <= 3000)) this.fail(`${path}.min_length`, 'must be 0–3000');
        if (typeof e.initial_value === 'string' && e.max_length !== undefined && chars(e.initial_value) > e.max_length) this.fail(`${path}.initial_value`, 'is longer than max_length');
        return;
      default:
        return this.fail(path, `element type ${JSON.stringify(e.type)} is not one svarstid is checked for`);
    }
  }

  block(path: string, b: unknown, surface: Surface, blockIds: Set<string>): void {
    if (!isObject(b)) return this.fail(path, 'must be a block object');
    if (!KNOWN_BLOCKS.has(b.type)) return this.fail(path, `unknown block type ${JSON.stringify(b.type)}`);
    if (b.block_id !== undefined) {
      this.length(`${path}.block_id`, b.block_id, 255, 1);
      if (blockIds.has(b.block_id)) this.fail(`${path}.block_id`, `${JSON.stringify(b.block_id)} is used twice`);
      blockIds.add(b.block_id);
    }
    const actionIds = new Set<string>();
    switch (b.type) {
      case 'section':
        if (b.text === undefined && b.fields === undefined) this.fail(path, 'a section needs text or fields');
        if (b.text !== undefined) this.text(`${path}.text`, b.text, 3000);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields) || b.fields.length > 10) this.fail(`${path}.fields`, 'at most 10 fields');
          else b.fields.forEach((f: unknown, i: number) => this.text(`${path}.fields[${i}]`, f, 2000));
        }
        if (b.accessory !== undefined) this.element(`${path}.accessory`, b.accessory, actionIds);
        return;
      case 'header':
        return this.text(`${path}.text`, b.text, 150, 'plain_text');
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) return this.fail(`${path}.elements`, 'must hold 1–10 elements');
        return b.elements.forEach((e: unknown, i: number) => this.text(`${path}.elements[${i}]`, e, 3000));
      case 'actions':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) return this.fail(`${path}.elements`, 'must hold 1–25 elements');
        return b.elements.forEach((e: unknown, i: number) => this.element(`${path}.elements[${i}]`, e, actionIds));
      case 'input':
        if (surface === 'message') this.fail(path, 'svarstid puts input blocks in modals only');
        this.text(`${path}.label`, b.label, 2000, 'plain_text');
        if (b.hint !== undefined) this.text(`${path}.hint`, b.hint, 2000, 'plain_text');
        return this.element(`${path}.element`, b.element, actionIds);
      default:
        return;
    }
  }

  blocks(path: string, blocks: unknown, surface: Surface): void {
    if (blocks === undefined) return;
    if (!Array.isArray(blocks)) return this.fail(path, 'must be an array');
    if (blocks.length > MAX_BLOCKS[surface]) this.fail(path, `${blocks.length} blocks, over Slack's limit of ${MAX_BLOCKS[surface]} for a ${surface}`);
    const ids = new Set<string>();
    blocks.forEach((b, i) => this.block(`${path}[${i}]`, b, surface, ids));
  }
}

/** A message (chat.postMessage, chat.update, chat.postEphemeral, a response_url post). */
export function slackMessageProblems(p: Record<string, any>): string[] {
  const c = new Checker();
  if (typeof p.text !== 'string' || p.text.trim() === '') c.fail('text', 'a message needs a text: it is the notification and what screen readers read');
  else {
    c.length('text', p.text, 4000, 1);
    if (CONTROL.test(p.text)) c.fail('text', `unescaped mrkdwn control sequence ${JSON.stringify(CONTROL.exec(p.text)![0])}`);
  }
  c.blocks('blocks', p.blocks, 'message');
  return c.problems;
}

/** A view (views.open, views.push, views.update, views.publish). */
export function slackViewProblems(view: unknown): string[] {
  const c = new Checker();
  if (!isObject(view)) return ['view must be an object'];
  const surface: Surface | undefined = view.type === 'modal' ? 'modal' : view.type === 'home' ? 'home' : undefined;
  if (!surface) return [`view.type ${JSON.stringify(view.type)} is not modal or home`];
  c.blocks('view.blocks', view.blocks, surface);
  if (view.private_metadata !== undefined) c.length('view.private_metadata', view.private_metadata, 3000);
  if (view.callback_id !== undefined) c.length('view.callback_id', view.callback_id, 255);
  if (surface === 'modal') {
    c.text('view.title', view.title, 24, 'plain_text');
    if (view.submit !== undefined) c.text('view.submit', view.submit, 24, 'plain_text');
    if (view.close !== undefined) c.text('view.close', view.close, 24, 'plain_text');
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b: any) => b?.type === 'input');
    if (hasInput && view.submit === undefined) c.fail('view.submit', 'is required when the modal has input blocks');
  }
  return c.problems;
}

/** The block_ids of a message, for checking that an update brings new ones. */
export function blockIds(blocks: unknown): string[] {
  return Array.isArray(blocks) ? blocks.map((b) => (isObject(b) && typeof b.block_id === 'string' ? b.block_id : undefined)).filter((id): id is string => id !== undefined) : [];
}

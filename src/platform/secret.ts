/**
 * A credential value that does not print itself: JSON, string conversion and util.inspect all show
 * "[secret]", so a token that ends up in a log object, an error or a chat payload by mistake is not
 * leaked. Only `reveal()` gives the value, at the one place that puts it on the wire.
 */
import { inspect } from 'node:util';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '[secret]';
  }

  toString(): string {
    return '[secret]';
  }

  [inspect.custom](): string {
    return '[secret]';
  }
}

// An object whose fields are made the first time they are read, once, each from a table of
// makers that may read the object's other fields: the digest's groupings (src/digest/digest.ts).
// A page kind reads the groupings it needs, and a grouping reads the ones it is made from.

/** A field's maker: from the scope, and the object itself for the fields it is made from. */
export type Maker<Scope, Whole> = (scope: Scope, whole: Whole) => unknown;

/**
 * `base`'s fields, and one field for each maker of `table`, made when first read and from then
 * on a plain field. A maker that reads its own field, directly or through others, is told so;
 * one that throws is not remembered, and throws its own error when read again.
 */
export function madeWhenAsked<Scope, Whole extends object>(table: Readonly<Record<string, Maker<Scope, Whole>>>, scope: Scope, base: Readonly<Record<string, unknown>>): Whole {
  const made: Record<string, unknown> = { ...base };
  const making = new Set<string>();
  for (const [name, make] of Object.entries(table)) {
    Object.defineProperty(made, name, {
      enumerable: true,
      configurable: true,
      get() {
        if (making.has(name)) throw new Error(`The digest's grouping "${name}" asks for itself, through the groupings it is made from (src/digest/digest.ts)`);
        making.add(name);
        let value: unknown;
        try {
          value = make(scope, made as Whole);
        } finally {
          making.delete(name);
        }
        Object.defineProperty(made, name, { value, enumerable: true, configurable: false, writable: false });
        return value;
      },
    });
  }
  return made as Whole;
}

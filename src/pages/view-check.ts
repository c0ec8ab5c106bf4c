// Tests and debugging only (the engine's `checkViews`): a template's views wrapped so that each
// read of a field a view does not have is told. A template that reads `item.tilte` prints
// nothing, or takes the wrong branch of an `if`, without it; Nunjucks' throwOnUndefined only
// catches a missing value it is asked to print.
//
// Each object is watched through a stand-in (a Proxy over an empty object or array that asks the
// real one): a digest is frozen, and a Proxy over a frozen object must hand out its values
// themselves, not watched ones.

/** A read of a field the object read does not have. */
export interface ViewRead {
  /** The template rendered: "views/issue.njk". */
  readonly template: string;
  /** How the template reached it: "issue.sections.0.country". */
  readonly path: string;
  /** The field read: "nmae". */
  readonly field: string;
  /** The fields the object has. */
  readonly has: readonly string[];
}

/**
 * Probes that code, not a template, makes of any object: JSON.stringify's, a promise's, and
 * Nunjucks' own (a keyword-arguments object, a template's `.val`).
 */
const PROBES = new Set(["toJSON", "then", "__keywords", "inspect"]);

/** `context` with every plain object and array in it watched: `tell` hears each read of a field not there. */
export function recordingViews<T extends object>(context: T, template: string, tell: (read: ViewRead) => void): T {
  const watched = new WeakMap<object, object>();
  const watch = (value: unknown, path: string): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const isArray = Array.isArray(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (!isArray && proto !== Object.prototype && proto !== null) return value;
    const real = value as Record<PropertyKey, unknown>;
    let proxy = watched.get(real);
    if (proxy) return proxy;
    const standIn = isArray ? new Array((value as unknown[]).length) : {};
    proxy = new Proxy(standIn, {
      get(_standIn, field) {
        if (typeof field === "symbol") return Reflect.get(real, field);
        if (!(field in real) && !PROBES.has(field)) tell({ template, path, field, has: Object.keys(real) });
        const found = real[field];
        // An array's methods run on the stand-in's proxy: they read its elements, watched.
        return typeof found === "function" ? found : watch(found, path ? `${path}.${field}` : field);
      },
      has: (_standIn, field) => field in real,
      ownKeys: () => Reflect.ownKeys(real),
      getOwnPropertyDescriptor(_standIn, field) {
        const descriptor = Reflect.getOwnPropertyDescriptor(real, field);
        if (!descriptor) return undefined;
        // The stand-in's own length (an array's) is what it must report as it is.
        if (isArray && field === "length") return Reflect.getOwnPropertyDescriptor(standIn, field);
        return { ...descriptor, configurable: true, ...("value" in descriptor ? { value: watch(descriptor.value, `${path}.${String(field)}`) } : {}) };
      },
      set: () => false,
      deleteProperty: () => false,
      defineProperty: () => false,
    });
    watched.set(real, proxy);
    return proxy;
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context)) out[name] = watch(value, name);
  return out as T;
}

// Values a process makes again and again from the same text, made once and kept: a bounded
// number of them, the oldest forgotten first, so a process that lives long (the preview, the
// tests) holds no more than a few builds' worth.

export class Remembered<V> {
  private readonly known = new Map<string, V>();
  constructor(private readonly most: number) {}

  /** The value kept for `key`, or `make()`'s, kept; a `make` that throws keeps nothing. */
  get(key: string, make: () => V): V {
    if (this.known.has(key)) return this.known.get(key) as V;
    const made = make();
    if (this.known.size >= this.most) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, made);
    return made;
  }
}

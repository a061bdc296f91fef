/** Freezes plain objects and arrays all the way down, so a policy cannot be changed after translation. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A Map that throws on change: `Object.freeze` alone leaves `set` and `delete` working. */
export class FrozenMap<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [k, v] of entries) super.set(k, v);
    Object.freeze(this);
  }
  override set(): never {
    throw new TypeError("This map is read-only: policies are immutable.");
  }
  override delete(): never {
    throw new TypeError("This map is read-only: policies are immutable.");
  }
  override clear(): never {
    throw new TypeError("This map is read-only: policies are immutable.");
  }
}

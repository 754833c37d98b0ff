/**
 * The most recently used values, at most `keep` of them: for things that depend on nothing but
 * their key (rendered Markdown by its text, an edition's snapshot by its revision), so a kept value
 * is never stale. Per process.
 */
export function recentlyUsed<V>(keep: number) {
  // A Map keeps insertion order: re-inserting on use leaves the least recently used first.
  const values = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = values.get(key);
      if (value !== undefined) {
        values.delete(key);
        values.set(key, value);
      }
      return value;
    },
    /** Keeps `value` (dropping the least recently used one when full) and returns it. */
    set(key: string, value: V): V {
      values.delete(key);
      if (values.size >= keep) values.delete(values.keys().next().value!);
      values.set(key, value);
      return value;
    },
  };
}

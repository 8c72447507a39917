/** Compiled-regex cache: rule packs are data (sources), compiled once per source+flags. */
const cache = new Map<string, Map<string, RegExp>>();
let size = 0;

/** Keyed by the (interned) source string first, so hot lookups never build new key strings. */
export function rx(source: string, flags = ''): RegExp {
  let byFlags = cache.get(source);
  let re = byFlags?.get(flags);
  if (re) return re;
  // astral characters and \u{…} or \p{…} escapes need the unicode flag
  let f = flags;
  if (!f.includes('u') && (/\\u\{|\\p\{/.test(source) || /[\uD800-\uDFFF]/.test(source))) f += 'u';
  re = new RegExp(source, f);
  if (size > 5000) {
    cache.clear();
    size = 0;
  }
  if (!byFlags) cache.set(source, (byFlags = new Map()));
  byFlags.set(flags, re);
  size++;
  return re;
}

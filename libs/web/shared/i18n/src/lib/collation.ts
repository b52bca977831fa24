/**
 * The one collation every list in the web app sorts by: Swedish (Å, Ä, Ö after Z, so
 * Åstorp comes before Ängelholm; `localeCompare` without a locale follows the browser's
 * and puts Å and Ä among the As). Swedish in the English interface too: the names sorted
 * are mostly Swedish, and the order must not change with the language shown. Numbers in
 * names sort by value ("18–24" before "100+").
 */
const collator = new Intl.Collator('sv', { numeric: true });

/** Compares two texts in Swedish order: a comparator for `Array.prototype.sort`. */
export function compareSwedish(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A comparator that orders items by a text of theirs in Swedish order. */
export function bySwedish<T>(text: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => collator.compare(text(a), text(b));
}

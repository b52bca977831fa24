/**
 * Keys for comparing place names as sources spell them.
 *
 * Two strengths: `exactKey` keeps the Swedish letters, so "Håbo" (0305) and "Habo" (0643),
 * which are different municipalities, stay apart; `foldedKey` also drops diacritics, for
 * files written without å/ä/ö ("Malmo", "Goteborg"). Both ignore case, spaces, hyphens and
 * dashes, because sources disagree on "Dals-Ed"/"Dals Ed" and "Upplands-Bro"/"Upplands Bro".
 */
export function exactKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[\s\u00a0\-‐‑‒–—_.']/g, '');
}

export function foldedKey(name: string): string {
  return exactKey(name).normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/æ/g, 'ae');
}

/** Collapses whitespace (including no-break spaces) and trims, keeping the words. */
export function tidy(name: string): string {
  return name.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The ways a source may write around the name itself, stripped off to find the name:
 * "Malmö stad", "Göteborgs Stad", "Lunds kommun", "Region Gotland", "Stockholms län",
 * "Västra Götalandsregionen". Each variant is tried with and without a final genitive
 * "s" ("Stockholms stad" → "Stockholm"), but never before the name as written, so a
 * name that itself ends in s ("Borås", "Vännäs") is found first.
 */
export function nameVariants(
  name: string,
  suffixes: readonly RegExp[],
  prefixes: readonly RegExp[],
): string[] {
  const variants: string[] = [];
  const add = (v: string) => {
    const t = tidy(v);
    if (t && !variants.includes(t)) variants.push(t);
  };
  const base = tidy(name);
  add(base);
  let stripped = base;
  for (const re of prefixes) {
    if (re.test(stripped) && stripped.replace(re, '').trim()) stripped = stripped.replace(re, '');
  }
  for (const re of suffixes) {
    if (re.test(stripped) && stripped.replace(re, '').trim()) {
      stripped = stripped.replace(re, '');
      break;
    }
  }
  add(stripped);
  if (/s$/i.test(stripped)) add(stripped.slice(0, -1));
  return variants;
}

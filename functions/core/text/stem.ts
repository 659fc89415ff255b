/*
 * One stem for the same word in French and English. The same function runs on what is indexed
 * and on the query, so what matters is that both land on the same stem, not that the stem is a
 * real word: "batteries", "battery" and "batterie" all become "batter"; "recyclage", "recycling"
 * and "recyclé" become "recycl"; "énergie" and "energy" become "energ"; "gobelets" "gobelet".
 * Words come folded (fold.ts): no accents, lower case.
 */

/** Derivational endings, longest first; one is removed, only if at least MIN_STEM letters remain. */
const SUFFIXES = (
  'ements ement ations ation atrices atrice ateurs ateur ments ment ness ings ing ables able ibles ible iques ique ' +
  'ismes isme istes iste ities ity ites ite euses euse eurs eur ages age ies ie ees ee ers er ed es ly y e'
).split(' ');
const MIN_STEM = 4;

/** Plural first (s, x; not the "ss" of "process"), then one derivational ending, then a doubled
 *  final consonant left by a French feminine ("industrielle" -> "industriel"). */
export function stem(word: string): string {
  let w = word;
  if (w.length > MIN_STEM && (w.endsWith('x') || (w.endsWith('s') && !w.endsWith('ss')))) w = w.slice(0, -1);
  const suffix = SUFFIXES.find((s) => w.length - s.length >= MIN_STEM && w.endsWith(s));
  if (suffix) w = w.slice(0, -suffix.length);
  return /(ll|nn|tt)$/.test(w) && w.length > MIN_STEM ? w.slice(0, -1) : w;
}

import { fold } from '../../text.js';

/*
 * Word handling for offers written in French or English. The same function runs on the text
 * indexed and on the query, so what matters is that both land on the same stem, not that the
 * stem is a real word: "batteries", "battery" and "batterie" all become "batter"; "recyclage",
 * "recycling" and "recyclé" become "recycl"; "énergie" and "energy" become "energ".
 */
const STOP = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or our that the this to was we were will with ' +
    'au aux avec ce ces dans de des du elle en et il je la le les leur lui mais me ne nos notre nous ou par pas pour qu que qui sa se ses son sur un une vos votre vous est sont'
  ).split(' '),
);

/** Derivational endings, longest first; one is removed, only if at least MIN_STEM letters remain. */
const SUFFIXES = [
  'ements',
  'ement',
  'ations',
  'ation',
  'atrices',
  'atrice',
  'ateurs',
  'ateur',
  'ments',
  'ment',
  'ness',
  'ings',
  'ing',
  'ables',
  'able',
  'ibles',
  'ible',
  'iques',
  'ique',
  'ismes',
  'isme',
  'istes',
  'iste',
  'ities',
  'ity',
  'ites',
  'ite',
  'euses',
  'euse',
  'eurs',
  'eur',
  'ages',
  'age',
  'ies',
  'ie',
  'ees',
  'ee',
  'ers',
  'er',
  'ed',
  'es',
  'ly',
  'y',
  'e',
];
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

/** The term processor for index and query alike: null drops the term. */
export function offerTerm(term: string): string | null {
  const folded = fold(term);
  if (folded.length < 2 || STOP.has(folded)) return null;
  return stem(folded);
}

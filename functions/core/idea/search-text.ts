import { fold } from '../text.js';

/*
 * Word handling for French and English search: accents folded, case ignored, very common words
 * dropped, and a light stemmer that strips plural and common derivational endings so that
 * "gobelets" finds "gobelet" and "charging" finds "charge".
 */
const STOP = new Set(
  (
    'a an and are as at be by for from has have in is it of on or that the this to was were will with ' +
    'au aux avec ce ces dans de des du elle en et il je la le les leur lui ma mais me mes ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vos votre vous y est sont'
  ).split(' '),
);
const ENDINGS = [
  'ements',
  'ement',
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ing',
  'euses',
  'euse',
  'eurs',
  'eur',
  'ies',
  'es',
  'ed',
  's',
  'x',
  'e',
];

export function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= 4 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** MiniSearch's term processor: null drops the term. */
export function processTerm(term: string): string | null {
  const folded = fold(term);
  if (folded.length < 2 || STOP.has(folded)) return null;
  return stem(folded);
}

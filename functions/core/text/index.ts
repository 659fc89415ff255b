import { fold } from './fold.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Text analysis for French and English, shared by the ideas' search, the offers' engine and the
 * dashboard's themes: accents and case folded, one stop-word list per language, one stemmer.
 */
export { fold } from './fold.js';
export { stem } from './stem.js';
export { STOP_WORDS } from './stopwords.js';
export { blockedWordsIn, idFrom } from './words.js';

/** A word as searches index and query it: folded and stemmed; null drops it (too short, or a stop word). */
export function searchTerm(word: string): string | null {
  const folded = fold(word);
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  return stem(folded);
}

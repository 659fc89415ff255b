import { fold, STOP_WORDS } from '../text/index.js';

/** At most this many distinct terms are counted per text, so that one long text cannot flood a day's word counts. */
export const TERMS_PER_TEXT = 40;
/** Longer tokens are hashes, URLs' remains or typing accidents, not themes. */
const MAX_WORD_LENGTH = 24;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/gi;
// A phrase never runs across punctuation that ends a clause.
const CLAUSE_BREAK = /[.!?;:,()[\]{}"«»…\r\n]+/;

function contentWords(clause: string): string[] {
  return clause
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= MAX_WORD_LENGTH && !STOP_WORDS.has(w) && !/^\p{N}+$/u.test(w));
}

/**
 * The words and two-word phrases of a text, folded, without stop words, each once, in the order
 * they first appear (so a title passed first wins the places), at most `max` of them. A phrase
 * joins two neighbouring content words of a clause, across the stop words between them:
 * "lait d'avoine" gives "lait avoine".
 */
export function termsOf(text: string, max = TERMS_PER_TEXT): string[] {
  const terms = new Set<string>();
  const clauses = fold(text.replace(URL_PATTERN, ' ')).split(CLAUSE_BREAK);
  for (const clause of clauses) {
    const words = contentWords(clause);
    for (const [i, word] of words.entries()) {
      for (const term of i > 0 ? [word, `${words[i - 1]} ${word}`] : [word]) {
        if (terms.size >= max) return [...terms];
        terms.add(term);
      }
    }
  }
  return [...terms];
}

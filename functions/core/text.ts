/** Lower case without accents: "Élan ÇA" -> "elan ca". Search, similarity and blocked words all compare folded text. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The blocked words found in a text, matched as whole words on folded text. */
export function blockedWordsIn(text: string, blocked: readonly string[]): string[] {
  const words = new Set(fold(text).split(/[^\p{L}\p{N}]+/u));
  return blocked.filter((word) => words.has(fold(word)));
}

/** Lower case without accents: "Élan ÇA" -> "elan ca". Search, similarity and blocked words all compare folded text. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

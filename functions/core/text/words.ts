import { fold } from './fold.js';

/** The blocked words found in a text, matched as whole words on folded text. */
export function blockedWordsIn(text: string, blocked: readonly string[]): string[] {
  const words = new Set(fold(text).split(/[^\p{L}\p{N}]+/u));
  return blocked.filter((word) => words.has(fold(word)));
}

/** An id from a name given per language: "Expérience client" -> "experience-client", made unique among `taken`. */
export function idFrom(name: Partial<Record<string, string>>, taken: ReadonlySet<string>, fallback = 'item'): string {
  const base =
    fold(Object.values(name).find(Boolean) ?? '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

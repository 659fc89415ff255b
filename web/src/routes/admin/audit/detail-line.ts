import { isLang, type Lang } from '$core/tenant/browser';

/** Ids the entry keeps for the record; a reader is told the names and titles recorded beside them. */
const ID_KEYS = new Set(['idea', 'member', 'partner', 'request', 'assignee', 'target', 'into']);

const MAX_LENGTH = 160;

/**
 * One line for what an entry changed: each field with its new value, brand texts in the
 * reader's language, nested values flattened, cut at a readable length.
 */
export function summariseDetail(
  detail: Record<string, unknown>,
  words: {
    label: (key: string) => string;
    /** A recorded code (a status, a role) in the reader's words, where the page knows it. */
    term?: (key: string, code: string) => string | undefined;
    yes: string;
    no: string;
    none: string;
    lang: Lang;
  },
): string {
  const value = (v: unknown, key = ''): string => {
    if (v === null || v === undefined) return words.none;
    if (typeof v === 'boolean') return v ? words.yes : words.no;
    if (typeof v === 'string') return words.term?.(key, v) ?? v;
    if (typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return v.length ? v.map((x) => value(x)).join(', ') : words.none;
    const entries = Object.entries(v as Record<string, unknown>);
    const isText = entries.length > 0 && entries.every(([k, x]) => isLang(k) && typeof x === 'string');
    if (isText) return String((v as Record<string, string>)[words.lang] ?? entries[0]![1]);
    return entries.length ? entries.map(([k, x]) => `${k} ${value(x)}`).join(', ') : words.none;
  };
  // French sets a space before the colon.
  const colon = words.lang === 'fr' ? '\u00a0: ' : ': ';
  const line = Object.entries(detail)
    .filter(([key]) => !ID_KEYS.has(key))
    .map(([key, v]) => `${words.label(key)}${colon}${value(v, key)}`)
    .join(' · ');
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

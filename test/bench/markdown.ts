import { markdownToText, renderMarkdown } from '../../functions/core/idea/markdown.js';

type Record = (what: string, value: string, target?: string) => void;

const N = 100_000;
/** Inputs that make backtracking regular expressions or nested passes slow, each N characters long. */
const ADVERSARIAL: { [name: string]: string } = {
  'unclosed emphasis': '*a'.repeat(N / 2),
  'unclosed strong': '**a'.repeat(N / 3),
  'underscores in words': 'a_b_'.repeat(N / 4),
  'open brackets': '['.repeat(N),
  'unfinished links': '[a]('.repeat(N / 4),
  'web addresses': 'http://a&amp;'.repeat(N / 13),
  backticks: '`a'.repeat(N / 2),
  entities: '&#'.repeat(N / 2),
  'quote markers': '> '.repeat(N / 2),
  'list markers': '- '.repeat(N / 2),
  'short paragraphs': 'a\n\n'.repeat(N / 3),
  fences: '```\n'.repeat(N / 4),
  'mixed markup': '*_`[('.repeat(N / 5),
};

/** The Markdown renderer is linear: the slowest of the adversarial inputs, rendered and reduced to text. */
export function markdownLoad(record: Record) {
  let worst = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    renderMarkdown(text); // warm
    const started = performance.now();
    renderMarkdown(text);
    markdownToText(text);
    const ms = performance.now() - started;
    if (ms > worst.ms) worst = { name, ms };
  }
  record(
    `Markdown, 100,000 adversarial characters: slowest of ${Object.keys(ADVERSARIAL).length} (render + text)`,
    `${worst.ms.toFixed(1)} ms (${worst.name})`,
    '≤ 50 ms',
  );
}

import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../functions/core/insights/csv.js';

describe('CSV cells and files', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers as numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(
        csvCell(`${start}SUM(A1)`).startsWith(`'${start}`) || csvCell(`${start}SUM(A1)`).startsWith(`"'${start}`),
      ).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a-b')).toBe('a-b');
  });

  it('starts with a byte order mark and ends every line with CRLF', () => {
    expect(
      csvDocument(
        ['type', 'text'],
        [
          ['idea', 'x'],
          ['vote', 1],
        ],
      ),
    ).toBe('\uFEFFtype,text\r\nidea,x\r\nvote,1\r\n');
  });
});

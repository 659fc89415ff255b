import { describe, expect, it } from 'vitest';
import { summariseDetail } from '../../web/src/routes/admin/audit/detail-line.js';

const words = (lang: 'fr' | 'en') => ({
  label: (key: string) =>
    ({
      from: lang === 'fr' ? 'Avant' : 'From',
      to: lang === 'fr' ? 'Après' : 'To',
      title: lang === 'fr' ? 'Titre' : 'Title',
    })[key] ?? key,
  term: (key: string, code: string) => (key === 'from' || key === 'to' ? `«${code}»` : undefined),
  yes: 'yes',
  no: 'no',
  none: 'none',
  lang,
});

describe('the audit log in words', () => {
  it('names recorded codes through the page, keeps ids out of sight, and sets the colon as each language does', () => {
    const detail = { idea: '1m43qn2abc', from: 'new', to: 'under_review', title: 'Reusable cups' };
    expect(summariseDetail(detail, words('en'))).toBe('From: «new» · To: «under_review» · Title: Reusable cups');
    expect(summariseDetail(detail, words('fr'))).toBe(
      'Avant\u00a0: «new» · Après\u00a0: «under_review» · Titre\u00a0: Reusable cups',
    );
  });

  it('cuts a long line at a readable length', () => {
    const line = summariseDetail({ title: 'x'.repeat(400) }, words('en'));
    expect(line.length).toBe(160);
    expect(line.endsWith('…')).toBe(true);
  });
});

/**
 * Attribute names of the aggregate items. Counters that are really maps (per member, per term,
 * per status...) are flattened into top-level attributes with a prefix: DynamoDB can ADD to a
 * top-level attribute that does not exist yet, but not to a path inside a map that does not.
 */
export const attr = {
  /** dayStats: activities (ideas published, votes, comments) of one member that day. */
  contributor: (memberId: string) => `c_${memberId}`,
  /** dayWords: texts of that day mentioning the term. */
  term: (term: string) => `w_${term}`,
  /** totals: live ideas by status, by section, by category (merged duplicates count only by status). */
  status: (status: string) => `s_${status}`,
  section: (sectionId: string) => `sec_${sectionId}`,
  category: (sectionId: string, categoryId: string) => `cat_${sectionId}/${categoryId}`,
};

export const PREFIX = { contributor: 'c_', term: 'w_' } as const;

/** The values behind every attribute named `<prefix><key>` of an item, by key. */
export function prefixed(item: Record<string, unknown>, prefix: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(prefix) && typeof value === 'number') found.set(name.slice(prefix.length), value);
  }
  return found;
}

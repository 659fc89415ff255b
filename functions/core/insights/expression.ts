/** Placeholders for an update or condition expression: attribute names of any spelling (terms, ids) and values. */
export function placeholders() {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const nameOf = new Map<string, string>();
  let count = 0;
  return {
    name(attribute: string) {
      let key = nameOf.get(attribute);
      if (!key) {
        key = `#n${count++}`;
        nameOf.set(attribute, key);
        names[key] = attribute;
      }
      return key;
    },
    value(value: unknown) {
      const key = `:v${count++}`;
      values[key] = value;
      return key;
    },
    /** The placeholders to send with the expression (DynamoDB refuses unused ones, so only what was asked for). */
    get expression() {
      return { ExpressionAttributeNames: names, ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) };
    },
  };
}

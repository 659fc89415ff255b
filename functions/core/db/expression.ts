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
      return {
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      };
    },
  };
}

/** `SET a = :v, ... REMOVE b, ...` for the given fields, with their placeholders taken from `x`. */
export function setAndRemove(
  x: ReturnType<typeof placeholders>,
  set: Record<string, unknown>,
  remove: readonly string[] = [],
): string {
  const sets = Object.entries(set).map(([name, value]) => `${x.name(name)} = ${x.value(value)}`);
  return `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.map((name) => x.name(name)).join(', ')}` : ''}`;
}

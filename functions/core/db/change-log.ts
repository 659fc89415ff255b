import { queryAll } from './query.js';

/** How far an in-memory index has read a change log, and the entry applied last for each item. */
export interface LogPosition {
  lastSk: string;
  /** So that an entry committed late never undoes a newer one of the same item. */
  latest: Map<string, string>;
}

/**
 * A log entry's key holds the time its writer read the clock, not the time it committed: an
 * entry can appear behind one already read. Each read therefore starts ten seconds before the
 * newest entry applied, and skips what is applied already.
 */
const MARGIN_MS = 10_000;
const rewind = (sk: string) => (sk ? new Date(new Date(sk.slice(0, 24)).getTime() - MARGIN_MS).toISOString() : '!');

/**
 * The entries of a change log (sort keys `<ISO time>#<item id>#…`) not yet applied at `position`,
 * oldest first, each only if newer than what is applied for its item; the position moves on as
 * they are taken. "!" sorts before any ISO date, so a fresh position reads the whole log.
 */
export async function* unappliedEntries(
  partition: string,
  position: LogPosition,
  idOf: (entry: Record<string, unknown>) => string,
) {
  for await (const entry of queryAll({
    KeyConditionExpression: 'pk = :pk AND sk > :from',
    ExpressionAttributeValues: { ':pk': partition, ':from': rewind(position.lastSk) },
    ConsistentRead: true,
  })) {
    const id = idOf(entry);
    const sk = String(entry.sk);
    if ((position.latest.get(id) ?? '') >= sk) continue;
    position.latest.set(id, sk);
    yield entry;
    if (sk > position.lastSk) position.lastSk = sk;
  }
}

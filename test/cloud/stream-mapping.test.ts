import { describe, expect, it } from 'vitest';
import { deliverBatch, outcomeOf, type BatchOutcome } from './streams.js';

/**
 * The stream harness's own rules (test/cloud/streams.ts), on records named by their sequence
 * numbers: what Lambda documents for DynamoDB event source mappings, checked without a stream.
 */
const records = (n: number) => Array.from({ length: n }, (_, i) => String(100 + i));

/** A function that fails on `poison`: by throwing, or (partial) by reporting it and what follows it. */
function fn(poison: string, mode: 'throw' | 'report', calls: string[][]) {
  return async (batch: string[]): Promise<BatchOutcome> => {
    calls.push(batch);
    if (!batch.includes(poison)) return { outcome: 'success' };
    if (mode === 'throw') return { outcome: 'error', error: { errorType: 'Error', errorMessage: 'poison' } };
    return outcomeOf({ payload: JSON.stringify({ batchItemFailures: [{ itemIdentifier: poison }] }) }, batch, true);
  };
}

describe('the stream harness (Lambda event source mapping semantics)', () => {
  it('bisects a failing batch down to the poison record, retries it three times, and gives up on it alone', async () => {
    const calls: string[][] = [];
    const given = await deliverBatch(records(10), { bisect: true, maximumRetryAttempts: 3 }, fn('106', 'throw', calls));
    expect(given).toEqual([{ records: ['106'], invokes: 4, error: { errorType: 'Error', errorMessage: 'poison' } }]);
    // Every other record reached the function in a batch that succeeded.
    const succeeded = calls.filter((c) => !c.includes('106')).flat();
    expect(new Set(succeeded)).toEqual(new Set(records(10).filter((r) => r !== '106')));
  });

  it('without bisection, gives up on the whole batch after its retries', async () => {
    const calls: string[][] = [];
    const given = await deliverBatch(records(4), { bisect: false, maximumRetryAttempts: 3 }, fn('101', 'throw', calls));
    expect(calls).toHaveLength(4);
    expect(given.map((g) => g.records)).toEqual([records(4)]);
  });

  it('with batch item failures, checkpoints before the lowest reported record and retries from it', async () => {
    const calls: string[][] = [];
    const given = await deliverBatch(records(6), { bisect: true, maximumRetryAttempts: 2 }, fn('103', 'report', calls));
    expect(calls).toEqual([records(6), records(6).slice(3), records(6).slice(3)]);
    expect(given).toEqual([{ records: records(6).slice(3), invokes: 3 }]);
  });

  it('reads an unknown or empty identifier as a failure of the whole batch, and ignores reports the mapping did not enable', () => {
    const batch = records(3);
    const reply = (itemIdentifier: unknown) => ({
      payload: JSON.stringify({ batchItemFailures: [{ itemIdentifier }] }),
    });
    expect(outcomeOf(reply(''), batch, true).outcome).toBe('error');
    expect(outcomeOf(reply('999'), batch, true).outcome).toBe('error');
    expect(outcomeOf(reply('101'), batch, true)).toMatchObject({ outcome: 'partial', firstFailed: 1 });
    expect(outcomeOf(reply('101'), batch, false).outcome).toBe('success');
    expect(outcomeOf({ payload: 'null' }, batch, true).outcome).toBe('success');
    expect(outcomeOf({ payload: JSON.stringify({ batchItemFailures: [] }) }, batch, true).outcome).toBe('success');
  });
});

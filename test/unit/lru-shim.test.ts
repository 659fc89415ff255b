import { EndpointCache } from '@aws-sdk/endpoint-cache';
import { describe, expect, it } from 'vitest';
import LRUCache from '../../infra/shims/lru-cache.js';

describe('the bundles’ LRU cache (in place of mnemonist)', () => {
  it('drops the least recently used entry past its capacity, a read counting as a use', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect([cache.peek('a'), cache.peek('c'), cache.size]).toEqual([1, 3, 2]);
    cache.set('a', 10);
    cache.set('d', 4);
    expect(cache.has('c')).toBe(false);
    expect(cache.get('a')).toBe(10);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('behaves as mnemonist does under the SDK’s endpoint cache', () => {
    const real = new EndpointCache(2);
    const shimmed = Object.assign(Object.create(EndpointCache.prototype), { cache: new LRUCache(2) }) as EndpointCache;
    for (const cache of [real, shimmed]) {
      cache.set('k1', [{ Address: 'a.example', CachePeriodInMinutes: 5 }]);
      cache.set('k2', [{ Address: 'b.example', CachePeriodInMinutes: 5 }]);
      cache.getEndpoint('k1');
      cache.set('k3', [{ Address: 'c.example', CachePeriodInMinutes: 5 }]);
    }
    for (const key of ['k1', 'k2', 'k3']) expect(shimmed.has(key), key).toBe(real.has(key));
    expect(shimmed.getEndpoint('k3')).toBe('c.example');
  });
});

/** Polls until `check` returns a value, for effects that happen off the request path (the stream fan-out). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for an asynchronous effect');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Rate limits count in fixed windows aligned to the clock (core/ratelimit.ts): a test that fills
 * one must not straddle two. When the current window ends within `marginSeconds`, this waits for
 * the next one to begin.
 */
export async function awayFromWindowEdge(windowSeconds: number, marginSeconds = 60): Promise<void> {
  const now = Date.now() / 1000;
  const left = windowSeconds - (now % windowSeconds);
  if (left < marginSeconds) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

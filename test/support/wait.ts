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

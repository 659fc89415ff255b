import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesCall {
  path: string;
  auth: string;
  body: Record<string, unknown>;
}

/** What a test's fake answers a SendEmail with: accept, or an error SES itself gives. */
export type SesAnswer = 'accept' | { status: number; type: string; message: string };

export interface FakeSes {
  endpoint: string;
  /** Every call, in order, answered or not. */
  calls: SesCall[];
  /** The calls it accepted (what SES would deliver). */
  sent(): SesCall[];
  close(): Promise<void>;
}

/**
 * A stand-in for the SES v2 API (`POST /v2/email/outbound-emails`), on a loopback port: it records
 * each call and answers as `answer` says (SES's JSON error shape for refusals).
 */
export async function startFakeSes(
  answer: (call: SesCall, index: number) => SesAnswer = () => 'accept',
): Promise<FakeSes> {
  const calls: SesCall[] = [];
  const accepted = new Set<SesCall>();
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const call = { path: req.url ?? '', auth: String(req.headers.authorization ?? ''), body: JSON.parse(body) };
      calls.push(call);
      const verdict = answer(call, calls.length - 1);
      if (verdict !== 'accept') {
        res.writeHead(verdict.status, { 'content-type': 'application/json', 'x-amzn-errortype': verdict.type });
        return void res.end(JSON.stringify({ message: verdict.message }));
      }
      accepted.add(call);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: `fake-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    sent: () => calls.filter((call) => accepted.has(call)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

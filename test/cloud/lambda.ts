import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FunctionSpec } from './synth.js';

/** Lambda's payload quota for a synchronous invocation, request and response each: 6 MB. */
export const PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
/** Execution environments a function may have at once here (Lambda scales further; a 2-core machine does not). */
const MAX_ENVIRONMENTS = 3;

export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export interface Invocation {
  requestId: string;
  /** The function's JSON result, when it returned one. */
  payload?: string;
  /** Lambda's error object: the function threw, timed out, ran out of memory, or a quota refused the call. */
  error?: LambdaError;
  /** False when Lambda refused the call before it reached the function (request over the payload quota). */
  invoked: boolean;
}

type Settle = (outcome: { ok: true; payload: string } | { ok: false; error: LambdaError }) => void;

/**
 * One execution environment: a worker thread running lambda-runtime.mjs with the function's
 * environment as its whole process.env (NODE_OPTIONS included, though a thread does not apply it).
 */
class Environment {
  readonly worker: Worker;
  readonly ready: Promise<LambdaError | undefined>;
  busy = false;
  dead = false;
  private inflight?: { id: string; settle: Settle };

  constructor(spec: FunctionSpec, env: Record<string, string>, log: (line: string) => void) {
    this.worker = new Worker(new URL('./lambda-runtime.mjs', import.meta.url), {
      env,
      stdout: true,
      stderr: true,
      // The function's memory setting bounds its heap (Lambda counts the whole process; close enough here).
      resourceLimits: { maxOldGenerationSizeMb: spec.memorySize },
    });
    for (const stream of [this.worker.stdout, this.worker.stderr])
      stream.on('data', (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach(log));
    this.ready = new Promise((resolve) => {
      this.worker.once('message', (m: { ready: boolean; error?: LambdaError }) =>
        resolve(m.ready ? undefined : m.error),
      );
    });
    this.worker.on('message', (m: { id?: string; ok?: boolean; payload?: string; error?: LambdaError }) => {
      if (!m.id || m.id !== this.inflight?.id) return;
      const { settle } = this.inflight;
      this.inflight = undefined;
      settle(m.ok ? { ok: true, payload: m.payload ?? 'null' } : { ok: false, error: m.error! });
    });
    const die = (error: LambdaError) => {
      this.dead = true;
      const inflight = this.inflight;
      this.inflight = undefined;
      inflight?.settle({ ok: false, error });
    };
    this.worker.on('error', (e: Error & { code?: string }) =>
      die(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { errorType: 'Runtime.OutOfMemory', errorMessage: `Runtime exited: ${e.message}` }
          : { errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with error: ${e.message}` },
      ),
    );
    this.worker.on('exit', (code) =>
      die({ errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with exit status ${code}` }),
    );
  }

  run(
    payload: string,
    context: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<{ payload?: string; error?: LambdaError }> {
    return new Promise((resolve) => {
      const id = String(context.awsRequestId);
      const timer = setTimeout(() => {
        // Lambda stops the environment at the timeout; the next invocation starts a new one.
        this.dead = true;
        this.inflight = undefined;
        void this.worker.terminate();
        resolve({
          error: {
            errorType: 'Sandbox.Timedout',
            errorMessage: `${id} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
          },
        });
      }, timeoutMs);
      this.inflight = {
        id,
        settle: (outcome) => {
          clearTimeout(timer);
          resolve(outcome.ok ? { payload: outcome.payload } : { error: outcome.error });
        },
      };
      this.worker.postMessage({ id, payload, context });
    });
  }
}

/**
 * The Lambda service for the template's functions: each invocation runs in an execution environment
 * of its function (a worker thread started with the function's environment, reused while warm, one
 * invocation at a time), under the function's timeout and memory, with Lambda's 6 MB payload quota
 * on the event and on the result.
 */
export class LambdaService {
  private pools = new Map<string, Environment[]>();
  private waiting = new Map<string, (() => void)[]>();
  /** What each function wrote to stdout and stderr (CloudWatch Logs, in AWS), line by line. */
  readonly logs = new Map<string, string[]>();

  constructor(
    readonly functions: Map<string, FunctionSpec>,
    private environmentFor: (spec: FunctionSpec) => Record<string, string>,
  ) {}

  spec(functionId: string): FunctionSpec {
    const spec = this.functions.get(functionId);
    if (!spec) throw new Error(`No function ${functionId} in the template`);
    return spec;
  }

  /** A synchronous invocation (RequestResponse), as a function URL or an event source mapping makes it. */
  async invoke(functionId: string, event: unknown): Promise<Invocation> {
    const spec = this.spec(functionId);
    const requestId = randomUUID();
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > PAYLOAD_LIMIT_BYTES)
      return {
        requestId,
        invoked: false,
        error: {
          errorType: 'RequestEntityTooLargeException',
          errorMessage: `Request must be smaller than ${PAYLOAD_LIMIT_BYTES} bytes for the InvokeFunction operation`,
        },
      };
    const environment = await this.acquire(spec);
    try {
      const initError = await environment.ready;
      if (initError) {
        environment.dead = true;
        void environment.worker.terminate();
        return { requestId, invoked: true, error: initError };
      }
      const timeoutMs = spec.timeoutSeconds * 1000;
      const context = {
        awsRequestId: requestId,
        functionName: spec.logicalId,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:eu-west-3:123456789012:function:${spec.logicalId}`,
        memoryLimitInMB: String(spec.memorySize),
        logGroupName: `/aws/lambda/${spec.logicalId}`,
        logStreamName: 'cloud-tier',
        deadline: Date.now() + timeoutMs,
      };
      const outcome = await environment.run(payload, context, timeoutMs);
      if (outcome.payload !== undefined && Buffer.byteLength(outcome.payload) > PAYLOAD_LIMIT_BYTES)
        return {
          requestId,
          invoked: true,
          error: {
            errorType: 'Function.ResponseSizeTooLarge',
            errorMessage: `Response payload size exceeded maximum allowed payload size (${PAYLOAD_LIMIT_BYTES} bytes).`,
          },
        };
      return { requestId, invoked: true, ...outcome };
    } finally {
      this.release(spec, environment);
    }
  }

  private async acquire(spec: FunctionSpec): Promise<Environment> {
    for (;;) {
      const pool = (this.pools.get(spec.logicalId) ?? []).filter((e) => !e.dead);
      this.pools.set(spec.logicalId, pool);
      const idle = pool.find((e) => !e.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (pool.length < MAX_ENVIRONMENTS) {
        const log = this.logs.get(spec.logicalId) ?? [];
        this.logs.set(spec.logicalId, log);
        const fresh = new Environment(spec, this.environmentFor(spec), (line) => log.push(line));
        fresh.busy = true;
        pool.push(fresh);
        return fresh;
      }
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(spec.logicalId) ?? [];
        queue.push(resolve);
        this.waiting.set(spec.logicalId, queue);
      });
    }
  }

  private release(spec: FunctionSpec, environment: Environment) {
    environment.busy = false;
    this.waiting.get(spec.logicalId)?.shift()?.();
  }

  async close() {
    await Promise.all([...this.pools.values()].flat().map((e) => e.worker.terminate()));
    this.pools.clear();
  }
}

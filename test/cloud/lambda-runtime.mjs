// One Lambda execution environment, in a worker thread whose process.env is the function's
// environment and nothing else. Like the Node.js runtime, it loads the handler named by `_HANDLER`
// (`index.handler`: the `handler` export of index.mjs, .js or .cjs in LAMBDA_TASK_ROOT) once, then
// serves one invocation at a time: the event arrives as the JSON Lambda would send, the result
// leaves as the JSON Lambda would return, and an exception becomes Lambda's error object.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';

const errorObject = (error) => ({
  errorType: error?.name ?? 'Error',
  errorMessage: String(error?.message ?? error),
  trace: String(error?.stack ?? '').split('\n'),
});

let handler;
try {
  const [module, name] = process.env._HANDLER.split('.');
  const root = process.env.LAMBDA_TASK_ROOT;
  const file = ['.mjs', '.js', '.cjs'].map((ext) => join(root, module + ext)).find((f) => existsSync(f));
  if (!file) throw Object.assign(new Error(`Cannot find module '${module}'`), { name: 'Runtime.ImportModuleError' });
  handler = (await import(pathToFileURL(file).href))[name];
  if (typeof handler !== 'function')
    throw Object.assign(new Error(`${process.env._HANDLER} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: errorObject(error) });
}

parentPort.on('message', async ({ id, payload, context }) => {
  const deadline = context.deadline;
  try {
    const result = await handler(JSON.parse(payload), {
      ...context,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      callbackWaitsForEmptyEventLoop: true,
    });
    parentPort.postMessage({ id, ok: true, payload: result === undefined ? 'null' : JSON.stringify(result) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: errorObject(error) });
  }
});

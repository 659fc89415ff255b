import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

const setAffinity = (pid: number, cpuList: string) => {
  // -a: every thread of the process, the ones Java starts later inherit it.
  const run = spawnSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`taskset ${cpuList} ${pid}: ${run.stderr || run.error}`);
};

/** Whether this machine can give the database engine a core of its own (two cores or more, and taskset). */
export const canSeparateCores = () => cpus().length >= 2 && spawnSync('taskset', ['--version']).status === 0;

/**
 * Runs `fn` with the database engine alone on CPU 0 and the given processes (server, load
 * driver) on the other cores, the way DynamoDB runs on machines of its own when deployed; every
 * process gets all cores back afterwards.
 */
export async function withEngineOnItsOwnCore<T>(enginePid: number, others: number[], fn: () => Promise<T>): Promise<T> {
  const all = `0-${cpus().length - 1}`;
  setAffinity(enginePid, '0');
  for (const pid of others) setAffinity(pid, `1-${cpus().length - 1}`);
  try {
    return await fn();
  } finally {
    for (const pid of [enginePid, ...others]) setAffinity(pid, all);
  }
}

import { readFile } from 'node:fs/promises';
import { resolveCname, resolveTxt } from 'node:dns/promises';
import { join } from 'node:path';
import { config } from '../config.js';

/*
 * DNS as the custom-domain checks read it. In AWS real lookups; locally and in tests the folder
 * named by DNS_TXT_DIR stands in for DNS: `<name>.txt` holds its TXT values and
 * `<name>.cname.txt` its CNAME target, one value per line.
 */

async function fromFolder(dir: string, file: string): Promise<string[]> {
  if (!/^[a-z0-9._-]+$/.test(file)) return [];
  const text = await readFile(join(dir, `${file}.txt`), 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The TXT records of a name; none when it does not exist (yet). */
export async function txtRecords(name: string): Promise<string[]> {
  const dir = config().DNS_TXT_DIR;
  if (dir) return fromFolder(dir, name);
  try {
    return (await resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch {
    return []; // no such name yet: not verified
  }
}

/** Where a name's CNAME points (lower case, no final dot); none when it has no CNAME. */
export async function cnameTargets(name: string): Promise<string[]> {
  const dir = config().DNS_TXT_DIR;
  const found = dir ? await fromFolder(dir, `${name}.cname`) : await resolveCname(name).catch(() => []);
  return found.map((target) => target.toLowerCase().replace(/\.$/, ''));
}

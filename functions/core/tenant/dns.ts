import { readFile } from 'node:fs/promises';
import { resolveTxt } from 'node:dns/promises';
import { join } from 'node:path';
import { config } from '../config.js';

/**
 * The TXT records of a name. In AWS a real DNS lookup; locally and in tests the folder named by
 * DNS_TXT_DIR stands in for DNS: `<name>.txt`, one value per line.
 */
export async function txtRecords(name: string): Promise<string[]> {
  const dir = config().DNS_TXT_DIR;
  if (dir) {
    if (!/^[a-z0-9._-]+$/.test(name)) return [];
    const text = await readFile(join(dir, `${name}.txt`), 'utf8').catch(() => '');
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }
  try {
    return (await resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch {
    return []; // no such name yet: not verified
  }
}

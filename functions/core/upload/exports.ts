import { downloadLink, putObject } from '../aws/index.js';
import { keys } from '../db/index.js';
import { newId } from '../ids.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

/**
 * Keeps a file made for one reader (a CSV export, a member's data) under exports/, which the
 * bucket forgets after a day, and answers its short-lived download link: a file of any size
 * reaches the browser from S3, never through a function's response (Lambda caps those at 6 MB).
 */
export async function exportLink(tenantId: string, file: ExportFile): Promise<string> {
  const key = keys.exportObject(tenantId, newId(), file.filename);
  await putObject(key, new TextEncoder().encode(file.body), file.contentType);
  return downloadLink(key, { filename: file.filename, contentType: file.contentType });
}

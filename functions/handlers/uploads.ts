import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.js';
import { uploads } from '../api/routes/uploads.js';
import { edgeOnly } from './edge-only.js';

/** `/api/uploads*` and `/api/admin/portal/images/*`: the routes that need the S3 client (routes/uploads.ts). */
export const handler = handle(edgeOnly(createApp(uploads)));

import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.js';
import { uploads } from '../api/routes/uploads.js';
import { edgeOnly } from './edge-only.js';

/** `/api/uploads*`: presigned POST and finalize, the routes that need the S3 client. */
export const handler = handle(edgeOnly(createApp(uploads)));

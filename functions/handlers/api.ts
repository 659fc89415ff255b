import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.js';
import { coreRoutes } from '../api/routes/index.js';
import { edgeOnly } from './edge-only.js';

/** API Gateway v2 / Lambda function URL entry point: every API route but uploads, without the S3 client. */
export const handler = handle(edgeOnly(createApp(...coreRoutes)));

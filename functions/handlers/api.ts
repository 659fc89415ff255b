import { handle } from 'hono/aws-lambda';
import { app } from '../api/app.js';

/** API Gateway v2 / Lambda function URL entry point: the same Hono app as locally. */
export const handler = handle(app);

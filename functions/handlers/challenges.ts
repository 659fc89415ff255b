import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.js';
import { challenges } from '../api/routes/challenges.js';
import { edgeOnly } from './edge-only.js';

/** Challenges (the paths of routes/challenges.ts, which CloudFront sends here: infra/edge.ts): their own function, so the API's stays within its budget. */
export const handler = handle(edgeOnly(createApp(challenges)));

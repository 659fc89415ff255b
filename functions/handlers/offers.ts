import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.js';
import { offers } from '../api/routes/offers.js';
import { edgeOnly } from './edge-only.js';

/** Technology offers (the paths of routes/offers.ts, which CloudFront sends here: infra/edge.ts): their own function, with the offer search engine. */
export const handler = handle(edgeOnly(createApp(offers)));

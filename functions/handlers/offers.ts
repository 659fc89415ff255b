import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.js';
import { offers } from '../api/routes/offers.js';

/** Technology offers (`/api/offers*`, `/api/partners*`, `/api/requests*`, `/api/saved-searches*`, `/api/threads*`): their own function, with the offer search engine. */
export const handler = handle(createApp(offers));

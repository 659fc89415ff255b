import { createApp } from './app.js';
import { coreRoutes } from './routes/index.js';
import { challenges } from './routes/challenges.js';
import { offers } from './routes/offers.js';
import { uploads } from './routes/uploads.js';

/** The whole API in one app: the local server and the tests use it; AWS splits it across functions. */
export const app = createApp(...coreRoutes, offers, uploads, challenges);

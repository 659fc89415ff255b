import { admin } from './admin.js';
import { auth } from './auth.js';
import { ideas } from './ideas.js';
import { insights } from './insights.js';
import { me } from './me.js';
import { notifications } from './notifications.js';
import { portal } from './portal.js';
import { roles } from './roles.js';
import { team } from './team.js';

/** Every route group but uploads (in its own function with the S3 client), technology offers (in their own, with the search engine) and challenges (in their own). */
export const coreRoutes = [portal, ideas, auth, me, roles, notifications, admin, team, insights];

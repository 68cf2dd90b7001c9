// Public face of the admin API.
export { adminRouter } from './admin.routes.js';

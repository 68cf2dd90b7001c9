import { fileURLToPath } from 'node:url';

/** The project root, whether running from src/ (tsx, vitest) or dist/ (npm start). */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const MIGRATIONS_DIR = `${PROJECT_ROOT}prisma/migrations`;
export const WEB_DIST_DIR = `${PROJECT_ROOT}web/dist`;
export const WEB_DEMO_DIR = `${PROJECT_ROOT}web/demo`;

// Where the committed artifact lives, resolved beside this module so it works from src/ (tsx,
// vitest) and from dist/ (the build copies src/**/*.json). Reading it is the caller's business.
import { fileURLToPath } from 'node:url';

export const SCREENING_MODEL_URL = new URL('./screening-model.json', import.meta.url);
export const SCREENING_MODEL_PATH = fileURLToPath(SCREENING_MODEL_URL);

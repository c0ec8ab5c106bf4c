// Where this project's own files are: its templates, and the src/ and package-lock.json whose
// version the build's cache follows (src/build-cache.ts). One place, so that nothing else
// works out a path from its own location.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT = fileURLToPath(new URL("..", import.meta.url));

/** The templates a build uses unless it is given others (a test's, a theme's). */
export const DEFAULT_TEMPLATES = path.join(PROJECT, "templates");

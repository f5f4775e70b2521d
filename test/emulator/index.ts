export { DocSpaceEmulator } from './emulator';
export { DEFAULT_SEED, FOLDER_SEED_IDS, SEED_IDS, seedMany, seedWithFolders } from './seed';
export { DOCSPACE_RATE_LIMITS } from './rateLimiter';
export type * from './types';

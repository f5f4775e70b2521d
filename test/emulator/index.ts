export { DocSpaceEmulator } from './emulator';
export { DEFAULT_SEED, SEED_IDS, seedMany } from './seed';
export { DOCSPACE_RATE_LIMITS } from './rateLimiter';
export type * from './types';

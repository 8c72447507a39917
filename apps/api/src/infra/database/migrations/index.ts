import { Foundation1763770000000 } from './1763770000000-foundation';
import { Auth1763770001000 } from './1763770001000-auth';

/** Every migration, in order. Listed explicitly so the same array works from ts (tests) and the build. */
export const MIGRATIONS = [Foundation1763770000000, Auth1763770001000];

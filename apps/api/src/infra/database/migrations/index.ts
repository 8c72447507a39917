import { Foundation1763770000000 } from './1763770000000-foundation';
import { Auth1763770001000 } from './1763770001000-auth';
import { MeetingsBots1763770002000 } from './1763770002000-meetings-bots';
import { Compliance1763770003000 } from './1763770003000-compliance';
import { Content1763770004000 } from './1763770004000-content';
import { Publishing1763770005000 } from './1763770005000-publishing';
import { Privacy1763770006000 } from './1763770006000-privacy';

/** Every migration, in order. Listed explicitly so the same array works from ts (tests) and the build. */
export const MIGRATIONS = [Foundation1763770000000, Auth1763770001000, MeetingsBots1763770002000, Compliance1763770003000, Content1763770004000, Publishing1763770005000, Privacy1763770006000];

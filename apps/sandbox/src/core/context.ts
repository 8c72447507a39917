import type { SandboxClock } from './clock';
import type { SandboxConfig } from './config';
import type { FaultRegistry } from './faults';
import type { Inspector } from './inspector';

/** Handed to every provider router factory: `createXRouter(ctx: SandboxContext): express.Router`. */
export interface SandboxContext {
  clock: SandboxClock;
  faults: FaultRegistry;
  inspector: Inspector;
  config: SandboxConfig;
}

/**
 * npm run fault:suite [-- scenario ...] — runs the fault scenarios (all of the default set, or the
 * ones named) and prints one table. Scenarios: worker-sigkill, worker-sigkill-norestart,
 * redis-restart, redis-sigkill, postgres-restart, openai-503-storm, openai-429-storm.
 * FAULT_MEETINGS (200) sets the work per scenario.
 */
import { main } from './harness';
import { all, byName } from './scenarios';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !byName[n]);
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(byName).join(', ')}`);
  process.exit(2);
}
const chosen = (names.length ? names.map((n) => byName[n]) : all).map((s) => ({ ...s, meetings: Number(process.env.FAULT_MEETINGS ?? s.meetings ?? 200) }));
void main(chosen);

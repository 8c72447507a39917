import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has safe defaults for local use', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.role).toBe('all');
    expect(c.runsHttp && c.runsWorkers).toBe(true);
  });

  it('stops with one line naming a malformed setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid setting PORT: PORT must be an integer/);
    expect(() => loadConfig({ API_ROLE: 'both' })).toThrow(/API_ROLE/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ENCRYPTION_KEYS: 'k:short' })).toThrow(/ENCRYPTION_KEYS/);
    const message = (() => {
      try {
        loadConfig({ REDIS_URL: 'http://nope' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message?.split('\n')).toHaveLength(1);
  });

  it('chooses what a process runs from API_ROLE', () => {
    expect(loadConfig({ API_ROLE: 'api' })).toMatchObject({ runsHttp: true, runsWorkers: false });
    expect(loadConfig({ API_ROLE: 'worker' })).toMatchObject({ runsHttp: false, runsWorkers: true });
  });
});

describe('.env.example', () => {
  it('documents every setting the API reads', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    const { EnvSchema } = require('./env.schema') as typeof import('./env.schema');
    const example = readFileSync(join(__dirname, '../../../../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(new EnvSchema()).filter((k) => !documented.has(k));
    // Optional settings without a default are not own properties; list them explicitly.
    for (const k of ['WEB_DIST_DIR', 'RESILIENCE_OVERRIDES']) if (!documented.has(k)) missing.push(k);
    expect(missing).toEqual([]);
  });
});

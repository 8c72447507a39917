// A worker PROCESS for the crash test: the API in API_ROLE=worker, configured by its environment,
// against the same Postgres and Redis as the test. TypeScript is compiled on load with SWC (the
// same options as jest: decorator metadata kept, so Nest DI works); no build step needed.
'use strict';
const fs = require('node:fs');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, keepClassNames: true, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require('reflect-metadata');
const { createWorkerContext } = require('../src/bootstrap');
const { loadConfig } = require('../src/infra/config/config');

createWorkerContext(loadConfig(process.env)).then(
  () => process.stdout.write('worker ready\n'),
  (err) => {
    process.stderr.write(`worker failed to start: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);

/**
 * Jest runs the TypeScript as CommonJS; jose 6 ships ES modules only (Node 22 loads them with require, Jest's
 * module system does not). This transformer turns jose's files into CommonJS with esbuild for the tests.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      target: 'node22',
      sourcemap: true,
      sourcefile: filename,
      loader: 'js',
    });
    return { code, map };
  },
};

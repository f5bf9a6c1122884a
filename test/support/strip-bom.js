/**
 * CommonJS stand-in for strip-bom (ESM-only since v5), which @microsoft/app-manifest requires.
 * Jest's module system cannot require an ES module, so jest.config.js maps 'strip-bom' here.
 */
module.exports = function stripBom(text) {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
module.exports.default = module.exports;

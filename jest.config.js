/** Three projects, one per test level, sharing the strict tsconfig (type-checking runs separately via `tsc`). */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // jose 6 is ES modules only: its files are turned into CommonJS for Jest (see the transformer).
    '/node_modules/jose/.+\\.js$': '<rootDir>/test/support/esmToCjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    // adaptivecards 3.x ships ESM with extensionless imports; its UMD build parses and validates without a DOM.
    '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js',
    // strip-bom 5 is ESM-only and required by @microsoft/app-manifest; Jest cannot require ESM.
    '^strip-bom$': '<rootDir>/test/support/strip-bom.js',
  },
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...shared, displayName: 'http', testMatch: ['<rootDir>/test/http/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};

/**
 * The architecture as rules (`npm run lint` runs them; README "Architecture" draws them):
 *
 *   src/index.ts (composition root: wires everything, nothing imports it)
 *     -> src/features/<journey>/   a user journey: its dialog, cards, messages and wiring
 *     -> src/platform/             the only door to the Bot Framework SDK, restify and the connector
 *     -> src/domain/               plain TypeScript: guidance and answering, cases, records, feedback
 *     -> src/shared/               facts and helpers every part uses (limits, dates, ids, errors, text)
 *   src/storage/ implements the domain's store contract (src/domain/store.ts) on SQLite and PostgreSQL.
 *   src/i18n/ merges the per-feature message catalogues into one `t()`.
 */
const SDK = 'node_modules/(botbuilder|botbuilder-core|botbuilder-testing|botframework-[a-z-]+|restify)/';
const DIALOGS = 'node_modules/botbuilder-dialogs/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'An import cycle ties modules together so that neither can change alone: break it with an interface.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-plain-typescript',
      comment:
        'src/domain knows nothing of Teams, HTTP, storage engines or features: it imports only src/domain and src/shared.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/(domain|shared)/' },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared is used by every part and uses none of them.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'sdk-only-in-platform',
      comment:
        'botbuilder, the Bot Connector and restify are reached only through src/platform (one door to replace for the Microsoft 365 Agents SDK).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/' },
      to: { path: SDK },
    },
    {
      name: 'dialogs-only-in-dialog-modules',
      comment:
        "botbuilder-dialogs is imported by src/platform and by a feature's waterfall dialog module (features/<name>/*Dialog.ts) only.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/platform/', '^src/features/[^/]+/[^/]*Dialog\\.ts$'] },
      to: { path: DIALOGS },
    },
    {
      name: 'features-meet-through-their-api',
      comment:
        "A feature uses another feature only through that feature's declared interface, features/<name>/api.ts.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/api\\.ts$'] },
    },
    {
      name: 'platform-does-not-know-features',
      comment:
        'Features plug into the platform (the Feature interface); the platform never imports a feature.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(features|index\\.ts)' },
    },
    {
      name: 'storage-implements-the-store-contract',
      comment: 'src/storage implements src/domain/store.ts; it imports no feature, platform or catalogue.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/', pathNot: '^src/(storage|domain|shared)/' },
    },
    {
      name: 'catalogue-merges-messages-only',
      comment: 'src/i18n merges the messages modules; it imports nothing else of the app.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/i18n/',
          '^src/shared/',
          '^src/features/[^/]+/messages\\.ts$',
          '^src/domain/guidance/messages\\.ts$',
        ],
      },
    },
    {
      name: 'messages-are-data',
      comment: 'A messages module is a catalogue: it imports only defineMessages.',
      severity: 'error',
      from: { path: '(^src/features/[^/]+/messages\\.ts$|^src/domain/guidance/messages\\.ts$)' },
      to: { path: '^src/', pathNot: '^src/shared/i18n/define\\.ts$' },
    },
    {
      name: 'entry-point-is-not-imported',
      severity: 'error',
      from: {},
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'src-does-not-import-tests-or-scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'src-does-not-use-dev-dependencies',
      comment: 'The production image installs dependencies only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|public)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

// The module map of Parley, checked by `npm run lint` (dependency-cruiser). README
// "Architecture" says the same in words. Layers, lowest first: a folder may import only what
// its rule allows; a feature reaches another feature through its index.ts; nothing imports
// in a circle.
const KERNEL =
  '^src/(config|errors|events|logger|ids|paths|schema|cursor|redis)\\.ts$|^src/(db|privacy|contracts|openapi)/';
const feature = (name) => `^src/${name}/`;
/** The generated Prisma clients: opened by src/db/ only (rule prisma-client-in-db-only). */
const GENERATED = '^src/generated/';

/** For each folder, the folders (besides itself and the kernel) it may import. */
const ALLOWED = {
  http: [],
  screening: [],
  sites: ['http', 'screening'],
  posts: ['http', 'sites'],
  auth: ['http', 'sites'],
  comments: ['http', 'sites', 'posts', 'screening'],
  moderation: ['http', 'sites', 'posts', 'comments', 'auth', 'screening'],
  admin: ['http', 'sites', 'posts', 'auth', 'moderation', 'screening'],
  'perspective-api': ['http', 'screening'],
  outbox: [],
  webhooks: ['http', 'sites', 'comments', 'auth', 'outbox', 'screening'],
  'import-export': ['http', 'sites', 'posts', 'comments', 'moderation', 'auth', 'screening'],
  notifications: [
    'http',
    'sites',
    'posts',
    'comments',
    'moderation',
    'auth',
    'outbox',
    'screening',
  ],
  realtime: ['sites', 'posts', 'comments', 'moderation', 'auth'],
  demo: ['sites', 'comments', 'auth'],
  metrics: [],
  'api-docs': ['http'],
};

const layerRules = Object.entries(ALLOWED).map(([name, allowed]) => ({
  name: `${name}-imports`,
  comment: `src/${name}/ may import the kernel${allowed.length ? `, ${allowed.join(', ')}` : ''} and itself only`,
  severity: 'error',
  from: { path: feature(name) },
  to: { path: '^src/', pathNot: [KERNEL, GENERATED, feature(name), ...allowed.map(feature)] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'modules never import each other in a circle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-imports-no-feature',
      comment:
        'the kernel (config, errors, events, logger, db, privacy, contracts…) imports no feature',
      severity: 'error',
      from: { path: KERNEL },
      to: { path: '^src/', pathNot: [KERNEL, GENERATED] },
    },
    ...layerRules,
    {
      name: 'features-through-index',
      comment: 'a feature reaches another feature through its index.ts, never a deep path',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', KERNEL, GENERATED],
      },
    },
    {
      name: 'only-realtime-imports-socket-io',
      comment: 'socket.io is realtime/ business',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/realtime/'] },
      to: { path: 'node_modules/(socket\\.io|@socket\\.io)/' },
    },
    {
      name: 'screening-is-no-web-framework',
      comment: 'screening knows no HTTP and no sockets',
      severity: 'error',
      from: { path: '^src/screening/' },
      to: { path: 'node_modules/(express|socket\\.io|cookie)/' },
    },
    {
      name: 'prisma-client-in-db-only',
      comment: 'the generated Prisma clients are opened in src/db/ only; everything else gets a Db',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/db/'] },
      to: { path: '^src/generated/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-imports-server-types-only',
      comment:
        'web/ bundles may take values from src/contracts/ only; from the rest of src/, types',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/contracts/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    // The generated clients stay in the graph (so the rule above can see who imports them) but
    // are not walked into.
    doNotFollow: { path: 'node_modules|(^|/)generated/' },
    exclude: { path: '\\.test\\.ts$' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};

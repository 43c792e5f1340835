// Custom Elements Manifest from the JSDoc of public elements (internal fields are left out).
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.stories.ts', 'src/elements/internal/**'],
  outdir: '.',
  litelement: true,
  dev: false,
};

// Bundles the extension (dist/extension.js) and the language server (dist/server.js).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
};
const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    // ssh2 (through dockerode) loads these optional native modules inside try/catch and works without them.
    external: ['vscode', 'cpu-features', '*.node'],
  },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
];
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

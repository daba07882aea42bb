// Bundles the extension (dist/extension.js, which loads dist/main.js) and the language server (dist/server.js,
// which loads dist/languageServer.js).
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
    // Two bundles: dist/extension.js, all that activation loads (stand-ins for the commands and views), and
    // dist/main.js, the rest, which it loads right after activation (client/src/extension.ts).
    entryPoints: { extension: 'client/src/extension.ts', main: 'client/src/main.ts' },
    outdir: 'dist',
    // ssh2 (through dockerode) loads these optional native modules inside try/catch and works without them.
    external: ['vscode', 'cpu-features', '*.node'],
    // Modules of features we never use (client/src/engine/absentModule.ts says which and why).
    alias: Object.fromEntries(['ssh2', '@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs'].map((name) => [name, './client/src/engine/absentModule.ts'])),
  },
  // dist/server.js starts the language server (dist/languageServer.js) with V8's code cache (server/src/launch/).
  { ...common, entryPoints: { server: 'server/src/launch/main.ts', languageServer: 'server/src/server.ts' }, outdir: 'dist' },
];
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

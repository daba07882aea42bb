// Entry point: `node dist/server.js --stdio` (or --node-ipc, --socket=N, --pipe=NAME) for any LSP client, and
// `--code-cache-dir=DIR` or `--no-code-cache`. It runs the language server's bundle (dist/languageServer.js, built
// from server.ts) as Node would load it, but compiled with V8's code cache of an earlier start (codeCache.ts),
// which it writes back when the server ends.
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as vm from 'vm';
import { CodeCache, cacheFolderFromArgs } from './codeCache';

const file = path.join(__dirname, 'languageServer.js');
const source = fs.readFileSync(file, 'utf8');
const cache = CodeCache.open(cacheFolderFromArgs(process.argv.slice(2)), source);
const cachedData = cache.read();
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
cache.settle(script.cachedDataRejected);
// At the end the cache holds every function the server ran (see CodeCache.save for when it is written).
if (cache.state !== 'off') process.on('exit', () => cache.save(() => script.createCachedData()));

const loaded = new Module(file);
loaded.filename = file;
loaded.loaded = true;
(script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, __dirname);

// Preloaded into the language server by bench/largeDocuments.mjs (node -r): records every stretch over 20 ms in which
// the server's own thread did not come back to its event loop (a request arriving then would wait that long), and
// writes them to $DW_BLOCKS_FILE at exit, one "<ms since start> <ms blocked>" per line. Worker threads record nothing.
const fs = require('fs');
const { isMainThread } = require('worker_threads');
if (isMainThread && process.env.DW_BLOCKS_FILE) {
  const TICK_MS = 5;
  const blocks = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last - TICK_MS > 20) blocks.push(`${last.toFixed(0)} ${(now - last - TICK_MS).toFixed(0)}`);
    last = now;
  }, TICK_MS).unref();
  process.on('exit', () => fs.writeFileSync(process.env.DW_BLOCKS_FILE, blocks.join('\n')));
}

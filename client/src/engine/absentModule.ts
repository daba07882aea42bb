// Stands in, in the bundle, for the modules that dockerode and docker-modem load for features this extension never
// uses: their own ssh client (ssh2: SSH engines go through the system ssh, sshTransport.ts) and BuildKit sessions
// over gRPC (@grpc/grpc-js, @grpc/proto-loader, protobufjs: images are built by the docker CLI in a terminal).
// scripts/esbuild.mjs maps those module names here, which leaves about 700 KB out of dist/main.js. Any use fails
// with a plain message instead of doing something unexpected.
const absent = (name: string) =>
  function unavailable(): never {
    throw new Error(`${name} is not part of the Docker Workflows extension's bundle`);
  };

module.exports = new Proxy({}, { get: (_target, key) => (typeof key === 'string' && key !== '__esModule' && key !== 'then' ? absent(key) : undefined) });

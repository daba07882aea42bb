// Entry point: `node dist/server.js --stdio` (or --node-ipc, --socket=N) for any LSP client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startDockerLanguageServer } from './DockerLanguageServer';

startDockerLanguageServer(createConnection(ProposedFeatures.all));

// What package.json promises VS Code about workspace trust: an untrusted workspace (a cloned repository's
// .vscode/settings.json) cannot point the extension at another engine.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
};

describe('package.json and workspace trust', () => {
  it('lists the engine setting as restricted, so that VS Code ignores a workspace value in Restricted Mode', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.deepStrictEqual(trust.restrictedConfigurations, ['docker-workflows.host']);
    const configuration = manifest.contributes.configuration;
    const properties = Array.isArray(configuration) ? Object.assign({}, ...configuration.map((c) => c.properties)) : configuration.properties;
    assert.ok('docker-workflows.host' in properties, 'the restricted setting exists');
  });
});

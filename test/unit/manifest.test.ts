// What package.json promises VS Code about workspace trust: an untrusted workspace (a cloned repository's
// .vscode/settings.json) cannot point the extension at another engine, program, path or command line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: string | boolean; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
};

/** Every contributed setting, with why it is restricted in Restricted Mode or why it need not be. */
const SETTINGS: Record<string, { restricted: boolean; why: string }> = {
  'docker-workflows.host': { restricted: true, why: 'chooses the engine: the views, commands and credentials would go to it' },
  'docker-workflows.engines': { restricted: true, why: 'chooses more engines the views talk to' },
  'docker-workflows.ssh.configFile': { restricted: true, why: 'chooses the ssh configuration: a ProxyCommand in it runs a program' },
  'docker-workflows.build.context': { restricted: true, why: 'chooses the path sent to the engine as the build context' },
  'docker-workflows.files.maxSizeMiB': { restricted: true, why: 'a workspace could make the language server read (and hold) huge files' },
  'docker-workflows.files.readOutsideWorkspace': { restricted: true, why: 'chooses which paths the language server reads' },
  'docker-workflows.containerFiles.maxOpenSizeMiB': { restricted: true, why: 'a workspace could make huge container files open without asking' },
  'docker-workflows.dockerfile.diagnostics': { restricted: false, why: 'severities of diagnostics only' },
  'docker-workflows.dockerfile.format.keywordCase': { restricted: false, why: 'how the formatter writes keywords' },
  'docker-workflows.compose.diagnostics': { restricted: false, why: 'severities of diagnostics only' },
  'docker-workflows.compose.codeLens': { restricted: false, why: 'shows or hides the Compose lenses (their actions still need trust)' },
  'docker-workflows.logs.timestamps': { restricted: false, why: 'a display option of View Logs' },
  'docker-workflows.swarm.resolveImage': { restricted: false, why: 'one of three fixed values of --resolve-image: no engine, program or path' },
  'docker-workflows.containers.groupBy': { restricted: false, why: 'how the view groups its rows' },
  'docker-workflows.containers.sortBy': { restricted: false, why: 'how the view orders its rows' },
  'docker-workflows.containers.label': { restricted: false, why: 'what the rows show as their label' },
  'docker-workflows.containers.description': { restricted: false, why: 'which fields the rows show' },
  'docker-workflows.images.groupBy': { restricted: false, why: 'how the view groups its rows' },
  'docker-workflows.images.sortBy': { restricted: false, why: 'how the view orders its rows' },
  'docker-workflows.images.label': { restricted: false, why: 'what the rows show as their label' },
  'docker-workflows.images.description': { restricted: false, why: 'which fields the rows show' },
  'docker-workflows.volumes.groupBy': { restricted: false, why: 'how the view groups its rows' },
  'docker-workflows.volumes.sortBy': { restricted: false, why: 'how the view orders its rows' },
  'docker-workflows.volumes.description': { restricted: false, why: 'which fields the rows show' },
  'docker-workflows.networks.groupBy': { restricted: false, why: 'how the view groups its rows' },
  'docker-workflows.networks.sortBy': { restricted: false, why: 'how the view orders its rows' },
  'docker-workflows.networks.description': { restricted: false, why: 'which fields the rows show' },
};

function properties(): Record<string, unknown> {
  const configuration = manifest.contributes.configuration;
  return Array.isArray(configuration) ? Object.assign({}, ...configuration.map((c) => c.properties)) : configuration.properties;
}

describe('package.json and workspace trust', () => {
  it('lists exactly the settings that choose an engine, a program, a path or a command line as restricted', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.deepStrictEqual(trust.restrictedConfigurations, [
      'docker-workflows.host',
      'docker-workflows.engines',
      'docker-workflows.ssh.configFile',
      'docker-workflows.build.context',
      'docker-workflows.files.maxSizeMiB',
      'docker-workflows.files.readOutsideWorkspace',
      'docker-workflows.containerFiles.maxOpenSizeMiB',
    ]);
    assert.deepStrictEqual(
      trust.restrictedConfigurations,
      Object.keys(SETTINGS).filter((key) => SETTINGS[key].restricted),
    );
  });

  it('has every contributed setting judged for workspace trust (a new setting must be added to this table)', () => {
    assert.deepStrictEqual(Object.keys(properties()).sort(), Object.keys(SETTINGS).sort());
  });

  it('tells in its description what Restricted Mode ignores and what needs trust', () => {
    const description = manifest.capabilities.untrustedWorkspaces.description ?? '';
    for (const key of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(description.includes(key), key);
    assert.match(description, /Compose, Build\) need a trusted workspace/);
  });
});

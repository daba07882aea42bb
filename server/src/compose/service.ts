// The Compose language service: binds the pure providers of this folder to a parsed model per document
// version, with the files around the document (the project's .env, base and included compose files, the
// Dockerfiles services build from). The connection layer calls it; it never sees the connection.
import type { Node } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ComposeProjectFiles } from '../documents/ComposeProjectFiles';
import { ParsedDocuments } from '../documents/ParsedDocuments';
import type { LanguageService, ServiceHost } from '../service/LanguageService';
import { composeChecks } from './checks';
import type { ComposeCheck } from './checks/types';
import { completeCompose, type ComposeContext } from './completion';
import { diagnoseCompose } from './diagnostics';
import { hoverCompose } from './hover';
import type { ComposeModel } from './model';
import { parseCompose } from './parse';
import { validateSchemaNode } from './schemaCheck';

/** The Compose file's keys and values checked against our metadata of the Compose Specification. */
const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node));
const CHECKS = [...composeChecks, schemaCheck];

export function createComposeService(host: ServiceHost): LanguageService {
  const models = new ParsedDocuments(parseCompose);
  const project = new ComposeProjectFiles();
  const model = (document: TextDocument): ComposeModel => models.get(document);
  const context = (uri: string): ComposeContext => ({
    images: host.images(),
    env: project.env(uri),
    dockerfileStages: (buildContext, dockerfile) => project.dockerfileStages(uri, buildContext, dockerfile),
  });

  return {
    languageId: 'dockercompose',
    triggers: { completion: ['-', '=', ',', '$', '{', ' ', '#', ':'] },
    diagnostics: (document) =>
      diagnoseCompose(model(document), { ...project.diagnosticContext(document.uri), severity: host.settings().compose?.diagnostics }, CHECKS),
    completion: (document, position) => completeCompose(model(document), position, context(document.uri)),
    hover: (document, position) => hoverCompose(model(document), position, context(document.uri)),
    close: (uri) => models.delete(uri),
  };
}

// The Compose language service: binds the pure providers of this folder to a parsed model per document
// version, with the files around the document (the project's .env, base and included compose files, the
// Dockerfiles services build from). The connection layer calls it; it never sees the connection.
import * as os from 'os';
import type { Node } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ComposeProjectFiles } from '../documents/ComposeProjectFiles';
import { LastDiagnostics } from '../documents/LastDiagnostics';
import { ParsedDocuments } from '../documents/ParsedDocuments';
import type { LanguageService, ServiceHost } from '../service/LanguageService';
import { composeChecks } from './checks';
import { codeActions } from './codeActions';
import type { ComposeCheck } from './checks/types';
import { completeCompose, type ComposeContext } from './completion';
import { diagnoseCompose } from './diagnostics';
import { foldingRanges } from './folding';
import { formatCompose } from './format';
import { hoverCompose } from './hover';
import { inlayHints } from './inlayHints';
import { documentLinks, linkCandidates } from './links';
import type { ComposeModel } from './model';
import { eolOf } from '../util/eol';
import { filePathOf } from '../util/filePath';
import { perModel } from '../util/perModel';
import { definition, documentHighlights, references } from './navigation';
import { parseCompose } from './parse';
import type { ComposeProject } from './project';
import { prepareRename, rename } from './rename';
import { validateSchemaNode } from './schemaCheck';
import { documentSymbols, workspaceSymbols } from './symbols';

/** The Compose file's keys and values checked against our metadata of the Compose Specification. */
const schemaCheck: ComposeCheck = ({ model }) => validateSchemaNode(model.root, (node) => model.rangeOf(node as Node), model);
const CHECKS = [...composeChecks, schemaCheck];

export function createComposeService(host: ServiceHost): LanguageService {
  const models = new ParsedDocuments(parseCompose);
  const project = new ComposeProjectFiles(host.files);
  const model = (document: TextDocument): ComposeModel => models.get(document);
  const context = (uri: string): ComposeContext => ({
    images: host.images(),
    env: project.env(uri),
    dockerfileStages: (buildContext, dockerfile) => project.dockerfileStages(uri, buildContext, dockerfile),
  });

  // Made once per version (see LanguageService): clients ask again for the same version.
  const symbolsOf = perModel(documentSymbols);
  const foldingOf = perModel(foldingRanges);
  const linkCandidatesOf = perModel(linkCandidates);
  const lastDiagnostics = new LastDiagnostics();
  const diagnostics = (document: TextDocument): Diagnostic[] => {
    const settings = host.settings().compose?.diagnostics;
    // A file read since (FileAccess.generation) may change them: an included file's names, a base file's.
    return lastDiagnostics.get(document, [settings, host.files.generation], () =>
      diagnoseCompose(model(document), { ...project.diagnosticContext(document.uri), severity: settings }, CHECKS),
    );
  };
  /** The model of an open compose document, for the features that cross files. */
  const openModel = (uri: string): ComposeModel | undefined => {
    // By path too: an editor may spell the URI of the same file differently (`%40`, a drive letter's case).
    const file = filePathOf(uri);
    const open = host.openDocument(uri) ?? (file === undefined ? undefined : host.openDocuments().find((d) => filePathOf(d.uri) === file));
    return open && open.languageId === 'dockercompose' ? model(open) : undefined;
  };
  const projectOf = (document: TextDocument): ComposeProject => {
    let related: ReturnType<ComposeProject['related']> | undefined;
    return {
      current: { uri: document.uri, model: model(document) },
      related: () => (related ??= project.related(document.uri, openModel)),
    };
  };

  return {
    languageId: 'dockercompose',
    triggers: { completion: ['-', '=', ',', '$', '{', ' ', '#', ':'] },
    diagnostics,
    completion: (document, position) => completeCompose(model(document), position, context(document.uri)),
    hover: (document, position) => hoverCompose(model(document), position, context(document.uri)),
    documentSymbols: (document) => symbolsOf(model(document)),
    workspaceSymbols: (query) =>
      workspaceSymbols(host.openDocuments().map((document) => ({ uri: document.uri, model: model(document) })), query),
    definition: (document, position) => definition(projectOf(document), position),
    references: (document, position, includeDeclaration) => references(projectOf(document), position, includeDeclaration),
    documentHighlights: (document, position) => documentHighlights(model(document), position),
    prepareRename: (document, position) => prepareRename(projectOf(document), position),
    rename: (document, position, newName) => rename(projectOf(document), position, newName),
    foldingRanges: (document) => foldingOf(model(document)),
    formatting: (document, options, range) => formatCompose(model(document), options, range),
    codeActions: (document, range, context) =>
      codeActions(model(document), { uri: document.uri, range, context, allDiagnostics: () => diagnostics(document), eol: eolOf(document) }),
    documentLinks: (document) => {
      const parsed = model(document);
      const where = { uri: document.uri, home: os.homedir() };
      // Whether the files exist is asked again at each request (a folder may have been made since).
      return documentLinks(parsed, { ...where, fileExists: host.existence() }, linkCandidatesOf(parsed, where));
    },
    inlayHints: (document, range) =>
      inlayHints(projectOf(document), range, { env: project.env(document.uri), loadFile: (file) => project.load(document.uri, file) }),
    close: (uri) => {
      models.delete(uri);
      lastDiagnostics.delete(uri);
    },
  };
}

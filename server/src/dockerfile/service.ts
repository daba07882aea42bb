// The Dockerfile language service: binds the pure providers of this folder to a parsed model per document
// version. The connection layer calls it; it never sees the connection.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerignoreFiles } from '../documents/DockerignoreFiles';
import { LastDiagnostics } from '../documents/LastDiagnostics';
import { ParsedDocuments } from '../documents/ParsedDocuments';
import type { LanguageService, ServiceHost } from '../service/LanguageService';
import { OWN_CHECKS } from './checks';
import { copyIgnoredFileCheck } from './checks/copyIgnoredFile';
import { codeActions } from './codeActions';
import { completeDockerfile } from './completion';
import { diagnoseDockerfile } from './diagnostics';
import { foldingRanges } from './folding';
import { formatDockerfile, formatOnType, type DockerfileFormatOptions } from './format';
import { hoverDockerfile } from './hover';
import { inlayHints } from './inlayHints';
import { documentLinks } from './links';
import type { DockerfileModel } from './model';
import { eolOf } from '../util/eol';
import { perModel } from '../util/perModel';
import { definition, documentHighlights, references } from './navigation';
import { parseDockerfile } from './parser';
import { prepareRename, rename } from './rename';
import { semanticTokens } from './semanticTokens';
import { signatureHelp } from './signatureHelp';
import { documentSymbols, workspaceSymbols } from './symbols';

export function createDockerfileService(host: ServiceHost): LanguageService {
  const models = new ParsedDocuments(parseDockerfile);
  const ignoreFiles = new DockerignoreFiles(host.files);
  const model = (document: TextDocument): DockerfileModel => models.get(document);

  const lastDiagnostics = new LastDiagnostics();
  const diagnostics = (document: TextDocument): Diagnostic[] => {
    const settings = host.settings().dockerfile?.diagnostics;
    const ignore = ignoreFiles.forDockerfile(document.uri);
    return lastDiagnostics.get(document, [settings, ignore], () => {
      const checks = ignore ? [...OWN_CHECKS, copyIgnoredFileCheck(ignore.patterns, ignore.name)] : OWN_CHECKS;
      return diagnoseDockerfile(model(document), { severity: settings }, checks);
    });
  };
  // Made once per version (see LanguageService): clients ask again for the same version.
  const symbolsOf = perModel(documentSymbols);
  const foldingOf = perModel(foldingRanges);
  const formatOptions = (options: DockerfileFormatOptions): DockerfileFormatOptions => ({
    ...options,
    keywordCase: host.settings().dockerfile?.format?.keywordCase ?? 'dominant',
  });

  return {
    languageId: 'dockerfile',
    triggers: {
      completion: ['-', '=', ',', '$', '{', ' ', '#', ':'],
      signatureHelp: [' ', '[', ',', '='],
      signatureRetrigger: [' ', ','],
      onTypeFormatting: ['\n'],
    },
    diagnostics,
    completion: (document, position) => completeDockerfile(model(document), position, { images: host.images() }),
    hover: (document, position) => hoverDockerfile(model(document), position, { images: host.images() }),
    documentSymbols: (document) => symbolsOf(model(document)),
    workspaceSymbols: (query) =>
      workspaceSymbols(host.openDocuments().map((document) => ({ uri: document.uri, model: model(document) })), query),
    definition: (document, position) => definition(model(document), document.uri, position),
    references: (document, position, includeDeclaration) => references(model(document), document.uri, position, includeDeclaration),
    documentHighlights: (document, position) => documentHighlights(model(document), position),
    prepareRename: (document, position) => prepareRename(model(document), position),
    rename: (document, position, newName) => rename(model(document), document.uri, position, newName),
    foldingRanges: (document) => foldingOf(model(document)),
    formatting: (document, options, range) => formatDockerfile(model(document), formatOptions(options), range),
    onTypeFormatting: (document, position, ch, options) => formatOnType(model(document), position, ch, formatOptions(options)),
    codeActions: (document, range, context) =>
      codeActions(model(document), { uri: document.uri, range, context, allDiagnostics: () => diagnostics(document), eol: eolOf(document) }),
    documentLinks: (document) => documentLinks(model(document), { uri: document.uri, fileExists: host.existence() }),
    semanticTokens: (document) => semanticTokens(model(document)),
    inlayHints: (document, range) => inlayHints(model(document), range),
    signatureHelp: (document, position, context) => signatureHelp(model(document), position, context),
    close: (uri) => {
      models.delete(uri);
      lastDiagnostics.delete(uri);
    },
  };
}

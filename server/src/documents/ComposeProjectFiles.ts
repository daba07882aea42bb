// Files around a compose file that its language features read: the project's `.env` (interpolation
// completion and hover), the Dockerfiles services build from (build.target completion), and the compose
// files it is merged with or includes (diagnostics).
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { baseFileCandidates, includePaths, type ComposeDiagnosticContext } from '../compose/diagnostics';
import { parseDotenv } from '../compose/dotenv';
import type { ComposeModel } from '../compose/model';
import type { ComposeFile } from '../compose/project';
import { parseCompose } from '../compose/parse';
import { parseDockerfile } from '../dockerfile/parser';
import { filePathOf } from '../util/filePath';
import { relatedFiles, type RelatedHost } from './composeRelated';
import { refusalText, type FileAccess } from './FileAccess';
import { FileCache } from './FileCache';
import { FolderListings } from '../util/folderListings';

/** Files are read through FileAccess's rules: the compose file's folder is its project directory. */
export class ComposeProjectFiles {
  private readonly envFiles: FileCache<ReadonlyMap<string, string>>;
  private readonly stages: FileCache<string[]>;
  private readonly composeFiles: FileCache<ComposeModel>;

  constructor(access: FileAccess) {
    this.envFiles = new FileCache(parseDotenv, access);
    this.stages = new FileCache((text) => parseDockerfile(text).stages.flatMap((s) => (s.name ? [s.name.value] : [])), access);
    this.composeFiles = new FileCache<ComposeModel>((text) => parseCompose(text), access);
  }

  /** What the compose diagnostics of the file at `uri` need from the disk around it. */
  diagnosticContext(uri: string): ComposeDiagnosticContext {
    const file = filePathOf(uri);
    if (!file) return { uri, fileExists: () => false };
    const folder = path.dirname(file);
    // One reading of each folder for the whole run; an unreadable folder lists nothing (the file is judged by its
    // name alone).
    const listings = new FolderListings();
    const siblingFiles = listings.names(folder);
    // The base file this one is merged onto, and the files the base includes: their names are the project's too.
    const baseModels: ComposeModel[] = [];
    for (const candidate of baseFileCandidates(file)) {
      const base = candidate !== file ? this.composeFiles.get(candidate, folder) : undefined;
      if (!base) continue;
      baseModels.push(base);
      for (const included of includePaths(base, path.dirname(candidate))) {
        const model = included.includes('$') || included === file ? undefined : this.composeFiles.get(included, folder);
        if (model) baseModels.push(model);
      }
      break;
    }
    return {
      uri,
      fileExists: (p) => listings.exists(p),
      siblingFiles,
      baseModels,
      loadFile: (p) => this.composeFiles.get(p, folder),
      whyNotRead: (p) => {
        const read = this.composeFiles.read(p, folder);
        return 'refused' in read && read.refused !== 'loading' && read.refused !== 'missing' && read.refused !== 'unreadable' ? refusalText(read) : undefined;
      },
    };
  }

  /**
   * The other compose files of the project of the file at `uri` (its base file or its overlays, the files it
   * includes and those including it, and those its services extend: see composeRelated.ts), each once, never
   * the file itself; an open document's model (from `openModel`) is preferred to the file on disk, and files
   * on disk are read as FileAccess allows (a file still loading is left out: see FileAccess.settled).
   */
  related(uri: string, openModel: (uri: string) => ComposeModel | undefined): ComposeFile[] {
    const file = filePathOf(uri);
    if (!file) return [];
    const folder = path.dirname(file);
    const host: RelatedHost = {
      model: (p) => openModel(pathToFileURL(p).href) ?? this.composeFiles.get(p, folder),
      list: (folder) => {
        try {
          return fs.readdirSync(folder);
        } catch {
          return [];
        }
      },
      isFile: (p) => {
        try {
          return fs.statSync(p).isFile();
        } catch {
          return false;
        }
      },
    };
    const own = openModel(uri) ?? this.composeFiles.get(file, folder);
    return relatedFiles(file, own, host).map((f) => ({ uri: pathToFileURL(f.path).href, model: f.model, relation: f.relation }));
  }

  /** Reads a compose file of the project of the compose file at `uri` (cached by modification time). */
  load(uri: string, file: string): ComposeModel | undefined {
    const own = filePathOf(uri);
    return this.composeFiles.get(file, own && path.dirname(own));
  }

  /** The variables of `.env` beside the compose file at `uri` (empty when there is none). */
  env(uri: string): ReadonlyMap<string, string> {
    const file = filePathOf(uri);
    return (file && this.envFiles.get(path.join(path.dirname(file), '.env'), path.dirname(file))) || new Map();
  }

  /** Stage names of the Dockerfile a build uses, resolved against the compose file's folder. */
  dockerfileStages(uri: string, buildContext: string, dockerfile: string): string[] | undefined {
    const file = filePathOf(uri);
    if (!file || /\$|:\/\//.test(buildContext + dockerfile)) return undefined;
    const contextDir = path.resolve(path.dirname(file), buildContext);
    return this.stages.get(path.resolve(contextDir, dockerfile), path.dirname(file));
  }
}

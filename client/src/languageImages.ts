import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LocalImagesNotification } from '../../common/src/protocol';
import type { EngineSession } from './engine/EngineSession';
import { EngineError } from './engine/types';

const DEBOUNCE_MS = 300;
/** Image events after which the list of local images may differ. */
const IMAGE_CHANGES = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'save', 'build', 'prune']);

/**
 * Keeps the language server's list of local images current (for FROM completion and base-image hover):
 * sent on every connection and after image events, and emptied while the engine is down.
 */
export function feedLocalImages(session: EngineSession, client: LanguageClient): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const send = async () => {
    const engine = session.engine;
    if (!engine || session.state.kind !== 'up') return;
    try {
      const images = (await engine.listImages()).map(({ id, repoTags, size, created }) => ({ id, repoTags, size, created }));
      await client.sendNotification(LocalImagesNotification.method, { images } satisfies LocalImagesNotification.Params);
    } catch (error) {
      if (error instanceof EngineError) session.reportFailure(error);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void send(), DEBOUNCE_MS);
  };
  const subscriptions = [
    session.onDidConnect(later),
    session.onDidReceiveEvent((event) => {
      if (event.type === 'image' && IMAGE_CHANGES.has(event.action)) later();
    }),
    session.onDidChangeState((state) => {
      if (state.kind === 'down') void client.sendNotification(LocalImagesNotification.method, { images: [] });
    }),
  ];
  if (session.state.kind === 'up') later();
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
  });
}

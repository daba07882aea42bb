import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LocalImagesNotification } from '../../common/src/protocol';
import type { EngineSession } from './engine/EngineSession';

/**
 * Keeps the language server's list of local images current (for FROM completion and base-image hover):
 * sent on every connection and after image events (from the session's shared image list, the one the Images view
 * shows), and emptied while the engine is down.
 */
export function feedLocalImages(session: EngineSession, client: LanguageClient): vscode.Disposable {
  const send = async () => {
    const list = await session.lists.images();
    if (!list) return;
    const images = list.map(({ id, repoTags, size, created }) => ({ id, repoTags, size, created }));
    await client.sendNotification(LocalImagesNotification.method, { images } satisfies LocalImagesNotification.Params);
  };
  const subscriptions = [
    session.onDidChangeLists((kinds) => {
      if (kinds.has('images')) void send();
    }),
    session.onDidChangeState((state) => {
      if (state.kind === 'down') void client.sendNotification(LocalImagesNotification.method, { images: [] });
    }),
  ];
  if (session.state.kind === 'up') void send();
  return new vscode.Disposable(() => {
    for (const s of subscriptions) s.dispose();
  });
}

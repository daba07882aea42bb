import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { LocalImagesNotification } from '../../common/src/protocol';
import type { EngineSession } from './engine/EngineSession';

/**
 * Keeps the language server's list of local images current (for FROM completion and base-image hover):
 * sent on every connection, after image events (from the session's shared image list, the one the Images view
 * shows) and to a restarted server, and emptied while the engine is down.
 */
export function feedLocalImages(session: EngineSession, client: LanguageClient): vscode.Disposable {
  // A server that is not running (starting, restarting) gets nothing now: it is sent the list when it runs again.
  const notify = (images: LocalImagesNotification.Params['images']) =>
    client.isRunning() ? client.sendNotification(LocalImagesNotification.method, { images }).catch(() => undefined) : Promise.resolve();
  const send = async () => {
    const list = await session.lists.images();
    if (!list) return;
    await notify(list.map(({ id, repoTags, size, created }) => ({ id, repoTags, size, created })));
  };
  const subscriptions = [
    session.onDidChangeLists((kinds) => {
      if (kinds.has('images')) void send();
    }),
    session.onDidChangeState((state) => {
      if (state.kind === 'down') void notify([]);
    }),
    // A restarted server starts with no images.
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running && session.state.kind === 'up') void send();
    }),
  ];
  if (session.state.kind === 'up') void send();
  return new vscode.Disposable(() => {
    for (const s of subscriptions) s.dispose();
  });
}

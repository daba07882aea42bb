// The last answers of Run with Options per image, kept in the workspace's state (a project's folders and ports
// belong to that project). Keyed by the image's reference (its id for an untagged image); the 50 images run last
// are kept. Pure apart from the Memento it is given: unit-tested with a Map.
import type { RunAnswers } from './runAnswers';

/** The part of vscode.Memento used here. */
export interface AnswerStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const RUN_ANSWERS_KEY = 'dockerWorkflows.runWithOptions.answers';
export const REMEMBERED_IMAGES = 50;

interface Remembered {
  image: string;
  answers: RunAnswers;
}

/** The answers given last time for this image, when they are still well-formed; undefined otherwise. */
export function rememberedAnswers(store: AnswerStore, image: string): RunAnswers | undefined {
  const entry = entries(store).find((e) => e.image === image);
  if (!entry) return undefined;
  const { name, ports, env, volumes, network, restart, command, remove } = entry.answers;
  return { name, ports, env, volumes, network, restart, command, remove };
}

/** Keeps these answers for the image (the newest first, at most REMEMBERED_IMAGES images). */
export async function rememberAnswers(store: AnswerStore, image: string, answers: RunAnswers): Promise<void> {
  const others = entries(store).filter((e) => e.image !== image);
  await store.update(RUN_ANSWERS_KEY, [{ image, answers }, ...others].slice(0, REMEMBERED_IMAGES));
}

/** The stored entries that have the expected shape (state written by another version may not). */
function entries(store: AnswerStore): Remembered[] {
  const stored = store.get<unknown>(RUN_ANSWERS_KEY);
  return Array.isArray(stored) ? stored.filter(isRemembered) : [];
}

const TEXT_FIELDS = ['name', 'ports', 'env', 'volumes', 'network', 'restart', 'command'] as const;

function isRemembered(value: unknown): value is Remembered {
  const entry = value as Partial<Remembered> | null;
  const answers = entry?.answers as Partial<RunAnswers> | undefined;
  return (
    typeof entry?.image === 'string' &&
    typeof answers === 'object' &&
    answers !== null &&
    TEXT_FIELDS.every((field) => typeof answers[field] === 'string') &&
    typeof answers.remove === 'boolean'
  );
}

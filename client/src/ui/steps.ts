// Multi-step inputs (a title with "2/9", a Back button, Escape cancels): the shapes the Notifier's inputStep and
// pickStep take, and the loop that walks the steps. No vscode import: the loop is tested in plain Node.

/** What a step's input resolves to when the user pressed Back (never a value anyone can type). */
export const BACK: unique symbol = Symbol('back');

/** The answer of one step: the value, BACK, or undefined when the user cancelled (Escape). */
export type StepAnswer = string | typeof BACK | undefined;

export interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
}

export interface StepItem {
  label: string;
  description?: string;
  detail?: string;
}

export interface PickStepOptions {
  /** The item selected at first (the last answer). */
  active?: string;
  /** Whether a typed text that is no item's label is an answer too (it is then offered as the first item). */
  custom?: (typed: string) => boolean;
  /** Why choosing this item cannot go on (shown, and the step stays), or undefined. */
  problemOf?: (label: string) => string | undefined;
}

/** One step: it asks, keeps the answer, and says where to go. */
export type Step = () => Promise<'next' | 'back' | 'cancel'>;

/**
 * Walks the steps: "next" goes on, "back" returns to the step before (the first step has no Back), "cancel" ends.
 * Resolves true when the last step went on, false when cancelled.
 */
export async function runSteps(steps: readonly Step[]): Promise<boolean> {
  let index = 0;
  while (index < steps.length) {
    const where = await steps[index]();
    if (where === 'cancel') return false;
    index = where === 'back' ? Math.max(0, index - 1) : index + 1;
  }
  return true;
}

/** Where a step goes after an answer: BACK goes back, undefined cancels, a value is kept and goes on. */
export function afterAnswer(answer: StepAnswer, keep: (value: string) => void): 'next' | 'back' | 'cancel' {
  if (answer === BACK) return 'back';
  if (answer === undefined) return 'cancel';
  keep(answer);
  return 'next';
}

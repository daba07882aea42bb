// The first-run walkthrough (package.json contributes.walkthroughs): its id, its steps, and the context keys whose
// becoming true completes a step (its completionEvents `onContext:<key>`). Pure, no vscode import.

/** The walkthrough's id inside package.json; VS Code names it `<publisher>.<name>#gettingStarted`. */
export const WALKTHROUGH_ID = 'gettingStarted';

/** What happened, the walkthrough step it completes, and the context key the step's completion event reads. */
export const STEPS = {
  /** The views reached the engine (once is enough: the step stays done). */
  engineConnected: { step: 'connect', key: 'dockerWorkflows.walkthrough.engineConnected' },
  /** The Containers view was shown (its completion event is VS Code's own onView). */
  dockerView: { step: 'openView', key: undefined },
  /** A container was started by Run or Run Interactive on an image. */
  containerRun: { step: 'runContainer', key: 'dockerWorkflows.walkthrough.containerRun' },
  /** A Compose Up (from any of its commands) finished without error. */
  composeUp: { step: 'composeUp', key: 'dockerWorkflows.walkthrough.composeUp' },
  /** The language server answered a completion request in a Dockerfile. */
  dockerfileCompletion: { step: 'dockerfileCompletion', key: 'dockerWorkflows.walkthrough.dockerfileCompletion' },
} as const;

export type WalkthroughStep = keyof typeof STEPS;

/** Where the extension records that it opened the walkthrough once (VS Code's global state). */
export const OPENED_KEY = 'dockerWorkflows.walkthrough.opened';

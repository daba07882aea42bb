// The first-run walkthrough (package.json contributes.walkthroughs): its id and the context keys whose becoming true
// completes a step (its completionEvents `onContext:<key>`). Pure, no vscode import.

/** The walkthrough's id inside package.json; VS Code names it `<publisher>.<name>#gettingStarted`. */
export const WALKTHROUGH_ID = 'gettingStarted';

/** The steps completed by a context key the extension sets, and their keys. */
export const STEP_KEYS = {
  /** The views reached the engine (once is enough: the step stays done). */
  engineConnected: 'dockerWorkflows.walkthrough.engineConnected',
  /** A container was started by Run or Run Interactive on an image. */
  containerRun: 'dockerWorkflows.walkthrough.containerRun',
  /** A Compose Up (from any of its commands) finished without error. */
  composeUp: 'dockerWorkflows.walkthrough.composeUp',
  /** The language server answered a completion request in a Dockerfile. */
  dockerfileCompletion: 'dockerWorkflows.walkthrough.dockerfileCompletion',
} as const;

export type WalkthroughStep = keyof typeof STEP_KEYS;

/** Where the extension records that it opened the walkthrough once (VS Code's global state). */
export const OPENED_KEY = 'dockerWorkflows.walkthrough.opened';

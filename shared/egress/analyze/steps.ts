/** Job steps: which step a connection belongs to, from the times the Actions API reports. */

export interface StepWindow {
  name: string;
  /** Milliseconds since the epoch. */
  start: number;
  /** Undefined while the step is still running. */
  end?: number;
}

/**
 * The step a connection opened at `time` belongs to: the one whose window holds it, else the last one
 * started before it (the Actions API reports whole seconds, so a connection may fall in a gap).
 */
export function stepAt(steps: readonly StepWindow[], time: number): string | undefined {
  let candidate: StepWindow | undefined;
  for (const step of steps) {
    if (step.start <= time && (step.end === undefined || time <= step.end)) return step.name;
    if (step.start <= time && (!candidate || step.start >= candidate.start)) candidate = step;
  }
  return candidate?.name;
}

/** The Actions API reports step times in whole seconds: a boundary is only known to ±1 s. */
const STEP_TIME_SLACK_MS = 1000;

/**
 * Every step a connection was alive in, in job order: the step it opened in (`stepAt` its first
 * sight), and every later step it was still seen in more than a second after that step started — a
 * long-lived connection (a package registry kept open, a websocket) spans the steps that used it,
 * while a connection closing within the API's one-second rounding of a boundary (its FIN/ACK landing
 * in the next step's first second) is not credited to that next step.
 */
export function stepsDuring(steps: readonly StepWindow[], first: number, last: number): string[] {
  const opened = stepAt(steps, first);
  const names: string[] = [];
  let openedSeen = false;
  for (const step of steps) {
    if (!openedSeen && step.name === opened && step.start <= first) {
      openedSeen = true;
      names.push(step.name);
    } else if (step.start > first && step.start + STEP_TIME_SLACK_MS <= last) names.push(step.name);
  }
  return names;
}

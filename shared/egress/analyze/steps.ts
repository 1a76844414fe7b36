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

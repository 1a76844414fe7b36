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

/**
 * Every step a connection was alive in, first sight to last, in job order: a long-lived connection
 * (a package registry kept open, a websocket) spans the steps that used it. When no window holds
 * either end, the step `stepAt` gives for its first sight.
 */
export function stepsDuring(steps: readonly StepWindow[], first: number, last: number): string[] {
  const names: string[] = [];
  for (const step of steps) {
    if (step.start <= last && (step.end === undefined || step.end >= first)) names.push(step.name);
  }
  if (names.length) return names;
  const at = stepAt(steps, first);
  return at ? [at] : [];
}

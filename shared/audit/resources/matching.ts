/** Goss `matching`: applies `matches` to the literal `content`, for values rendered from variables. */
import type { Observe } from './types.ts';

export const observeMatching: Observe = async (control) => {
  return Promise.resolve({ values: { matches: control.attributes.content } });
};

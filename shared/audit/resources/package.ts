/** Goss `package`: installed and versions, from the package databases the target holds. */
import { cached, subject, type Observe } from './types.ts';

export const observePackage: Observe = async (control, target, context) => {
  const all = await cached(context, 'packages', () => target.packages());
  const name = subject(control, 'name');
  const found = all.filter((p) => p.name === name);
  // Goss lists every installed version (multi-arch or multi-version rpm installs).
  return {
    values: { installed: found.length > 0, versions: found.map((p) => p.version) },
    missing: found.length === 0,
  };
};

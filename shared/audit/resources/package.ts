/** Goss `package`: installed and versions, from the package databases the target holds. */
import { cached, type Observe } from './types.ts';

export const observePackage: Observe = async (control, target, context) => {
  const all = await cached(context, 'packages', () => target.packages());
  const found = all.filter((p) => p.name === control.id);
  // Goss lists every installed version (multi-arch or multi-version rpm installs).
  return {
    values: { installed: found.length > 0, versions: found.map((p) => p.version) },
    missing: found.length === 0,
  };
};

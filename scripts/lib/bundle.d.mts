/** Bundles one entry with ncc into `outDir` (see bundle.mjs). */
export function bundle(source: string, outDir: string): Promise<void>;

/** telltale's version, written into reports so a reader knows which decoder produced them. */
export const VERSION = '1.0.0';

/** telltale's version, written into reports so a reader knows which decoder produced them. */
export const VERSION = '0.1.0';

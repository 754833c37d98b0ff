// The reader's "Say thanks" card (edition-reader.tsx, a client module) and the link to it at the top of
// the edition (edition-view.tsx, a server one) share this id from a module that is neither.
export const SAY_THANKS_ID = 'say-thanks';

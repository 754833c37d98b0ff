'use client';
// The same retry page as inside the app, for errors above the signed-in layout.
export { default } from './(app)/error';

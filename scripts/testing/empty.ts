// Stands in for the `server-only` package under Vitest, which does not set the react-server condition.
export {};

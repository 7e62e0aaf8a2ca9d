/**
 * Settings sent when the API opens a connection (pg's `options`, as `PGOPTIONS` would).
 *
 * No JIT: it pays off for long analytic queries, and this platform's statements run in
 * milliseconds. Under row-level security, though, a statement's plan carries every policy and its
 * estimated cost passes `jit_above_cost`: on a server with LLVM (Debian's PostgreSQL 15) the
 * register's first page read by the benchmark's floor spent about 225 ms compiling for 6 ms of
 * work. The embedded PostgreSQL has no JIT, so only a real server shows it.
 */
export const CONNECTION_OPTIONS = '-c jit=off';

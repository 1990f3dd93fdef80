/** Process exit codes of `aims`. Scripts depend on them: add new codes, never renumber. */
export const ExitCode = {
  ok: 0,
  /** A check found a problem, such as a break in an audit chain or a backup that fails its hashes. */
  checkFailed: 1,
  /** Bad flags or invalid input. */
  usage: 2,
  /** The data directory is locked by another process, or the database cannot be reached or is not migrated. */
  unavailable: 3,
  /** A named user, organisation or token does not exist. */
  notFound: 4,
  /** Refused to avoid damage, such as restoring over existing data without --force. */
  refused: 5,
  /** Anything else: a bug or an environment problem; rerun with AIMS_DEBUG=1 for details. */
  unexpected: 70,
  /** Stopped by Ctrl-C or SIGTERM before finishing; what finished is kept (e.g. partial scan results). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The table printed at the end of `aims --help`. */
export const exitCodeHelp = `Exit codes:
  0   ok
  1   check failed (e.g. audit verification found a break)
  2   usage error or invalid input
  3   data directory locked by another process, database unreachable or not yet migrated
  4   not found (user, organisation, token)
  5   refused (e.g. restore over existing data without --force)
  70  unexpected error (set AIMS_DEBUG=1 for the stack trace)
  130 interrupted (Ctrl-C); partial results are kept`;

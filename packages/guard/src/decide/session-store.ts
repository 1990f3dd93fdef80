import { emptySessionState, type SessionState } from "@openaims/core";

/**
 * In-memory session states by session id, bounded: at most `maxSessions` are kept, the least
 * recently used is forgotten first, and a session unused for `idleMs` starts again empty.
 */
export class SessionStore {
  private readonly sessions = new Map<string, { state: SessionState; usedAt: number }>();
  /** Sessions forgotten to stay within the bound (not counting idle ones). */
  evicted = 0;

  constructor(
    private readonly maxSessions: number,
    private readonly idleMs: number,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** The session's state at `now` (empty for a new, forgotten or idle session); a kept one becomes the most recently used. */
  get(sessionId: string, now: number): SessionState {
    const entry = this.sessions.get(sessionId);
    if (entry === undefined) return emptySessionState();
    this.sessions.delete(sessionId);
    if (now - entry.usedAt > this.idleMs) return emptySessionState();
    entry.usedAt = now;
    this.sessions.set(sessionId, entry);
    return entry.state;
  }

  /** The session's state if it is kept and not idle, without making it more recent; null otherwise. */
  peek(sessionId: string, now: number): SessionState | null {
    const entry = this.sessions.get(sessionId);
    return entry === undefined || now - entry.usedAt > this.idleMs ? null : entry.state;
  }

  /** Stores the session's new state and makes it the most recently used. */
  set(sessionId: string, state: SessionState, now: number): void {
    this.sessions.delete(sessionId);
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
      this.evicted++;
    }
    this.sessions.set(sessionId, { state, usedAt: now });
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}

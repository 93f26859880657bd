/**
 * The headless API (docs/architecture.md §5): a contract other code and tests rely on.
 *
 *   createServer(desc)                       a primary frozen at one instant
 *   startBgsaveForReplication(server, capa)  the port: 0 (C_OK) or -1 (C_ERR)
 *   snapshotServer(server)                   plain JSON
 *   runScenario(scenario)                    the whole simulation, pure
 */
export { createServer, type ServerDesc, type DescReplState } from "./desc";
export { startBgsaveForReplication, SEED_STATEMENTS, SEED_CONTINUATIONS, type SeedLine } from "./port";
export { snapshotServer, type ServerSnapshot, type ReplicaSnapshot } from "./snapshot";
export { MODELLED_VERSIONS, runScenario, versionProblem, type RunOptions } from "./sim";
export {
  expectedMachineState,
  ioOf,
  wireAt,
  outputBufferAt,
  retiredAt,
  happeningNotes,
  lastCallTarget,
  type BgsaveTarget,
  type ReplicaIo,
  TRACE_FORMAT,
  type Trace,
  type Frame,
  type Cause,
  type ReplicaView,
  type ServerView,
  type ChildView,
  type AgentView,
  type AgentPhase,
  type Marker,
  type ConnectionIo,
} from "./trace";
export { C_OK, C_ERR, SLAVE_CAPA_EOF, SLAVE_CAPA_PSYNC2 } from "./constants";
export type { Server, Client, LogEntry, PortLocals } from "./types";
export { noteReplica, type Note, type NoteKey, type NoteOf } from "./notes";
export {
  REDIS_VERSIONS,
  DEFAULT_VERSION,
  PROFILES,
  isRedisVersion,
  sourceLine,
  type RedisVersion,
  type VersionProfile,
  type PortFunction,
} from "./versions/profiles";
export { CHANGES, changesBetween, commitUrl, type VersionChanges, type ChangeHunk, type CalleeChange, type Commit, type HunkKind, type LineRange } from "./versions/changes";
export { ServerAssertionFailed } from "./versions/record";

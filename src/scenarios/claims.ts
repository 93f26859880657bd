/**
 * Claims: small statements about one frame of a trace, written in a scenario document so that a
 * prediction question can be checked against the model (a question's premise on the frame where it
 * is asked, each choice's claim on the frame that reveals the answer). The format is data only;
 * src/lesson/claims.ts evaluates it. docs/scenario-format.md lists every form.
 *
 * Each replica claim is about the replica's latest connection at that frame. Log claims look at
 * the lines logged in the frame window the question spans (see src/lesson/claims.ts).
 */
import * as v from "valibot";

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, "must be an id like r1"));
const Needle = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** What the replica's card and statechart show: its replstate name, "dropped" or "not connected". */
export const CLAIM_STATES = ["WAIT_BGSAVE_START", "WAIT_BGSAVE_END", "SEND_BULK", "ONLINE", "dropped", "not connected"] as const;

export type ClaimState = (typeof CLAIM_STATES)[number];

export type Claim =
  /** The replica is in this state. */
  | { replica: string; state: ClaimState }
  /** Something that reached its socket starts with this text ("\n" for a keep-alive newline). */
  | { replica: string; received: string }
  /** Nothing but keep-alive newlines has reached its socket (and at least one has). */
  | { replica: string; receivedOnly: "keep-alive" }
  /** Its output buffer holds, queued and unsent, an entry that starts with this text. */
  | { replica: string; queued: string }
  /** It is in server.slaves. */
  | { replica: string; inSlaves: boolean }
  /** What the BGSAVE target status says: the running child's target, or none. */
  | { target: "disk" | "socket" | "none" }
  /** A primary log line in the window contains this text. */
  | { logged: string }
  /** A line the replica logged in the window contains this text. */
  | { replica: string; replicaLogged: string }
  /** The latest replicationCron check so far says the longest wait is this many whole seconds. */
  | { cronIdle: number }
  | { not: Claim }
  | { all: Claim[] }
  | { any: Claim[] };

const CLAIM_FORMS =
  "must be a claim: {replica, state} | {replica, received} | {replica, receivedOnly: \"keep-alive\"} | {replica, queued} | {replica, inSlaves} | {target} | {logged} | {replica, replicaLogged} | {cronIdle} | {not} | {all} | {any}";

export const ClaimSchema: v.GenericSchema<Claim> = v.lazy(() =>
  v.union([
    v.strictObject({ replica: Id, state: v.picklist(CLAIM_STATES) }),
    v.strictObject({ replica: Id, received: Needle }),
    v.strictObject({ replica: Id, receivedOnly: v.literal("keep-alive") }),
    v.strictObject({ replica: Id, queued: Needle }),
    v.strictObject({ replica: Id, inSlaves: v.boolean() }),
    v.strictObject({ target: v.picklist(["disk", "socket", "none"]) }),
    v.strictObject({ logged: Needle }),
    v.strictObject({ replica: Id, replicaLogged: Needle }),
    v.strictObject({ cronIdle: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    v.strictObject({ not: ClaimSchema }),
    v.strictObject({ all: v.pipe(v.array(ClaimSchema), v.minLength(1), v.maxLength(8)) }),
    v.strictObject({ any: v.pipe(v.array(ClaimSchema), v.minLength(1), v.maxLength(8)) }),
  ], CLAIM_FORMS),
);

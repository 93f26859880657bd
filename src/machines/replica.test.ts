/** The replica machine as pure logic: snapshots advanced by replicaStep, reasons from the event. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transition } from "xstate";
import { INITIAL_REPLICA_SNAPSHOT, replicaMachine, replicaStep, stateName, type ReplicaEvent } from "./replica";

const EVENTS: ReplicaEvent["type"][] = [
  "SYNC_ACCEPTED",
  "FULLRESYNC_SETUP",
  "SETUP_UNDONE",
  "BGSAVE_FAILED",
  "BULK_START",
  "STREAM_DONE",
  "PUT_ONLINE",
  "CHILD_FAILED",
  "TRANSFER_FAILED",
  "TIMED_OUT",
  "DISCONNECTED",
];

describe("the replica machine", () => {
  it("replicaStep gives what xstate's transition() gives, for any sequence of events", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 12 }), (types) => {
        let memo = INITIAL_REPLICA_SNAPSHOT;
        let plain = INITIAL_REPLICA_SNAPSHOT;
        for (const type of types) {
          memo = replicaStep(memo, { type });
          plain = transition(replicaMachine, plain, { type })[0];
          expect(memo.value).toEqual(plain.value);
          expect(memo.context).toEqual(plain.context);
          expect(memo.status).toBe(plain.status);
        }
      }),
    );
  });

  it("takes the drop reason from the event that ended the connection", () => {
    const accepted = replicaStep(INITIAL_REPLICA_SNAPSHOT, { type: "SYNC_ACCEPTED" });
    const setUp = replicaStep(accepted, { type: "FULLRESYNC_SETUP" });
    const cases = [
      [accepted, "BGSAVE_FAILED", "bgsave-failed"],
      [setUp, "CHILD_FAILED", "child-error"],
      [replicaStep(setUp, { type: "BULK_START" }), "TRANSFER_FAILED", "transfer-error"],
      [replicaStep(setUp, { type: "STREAM_DONE" }), "TIMED_OUT", "timeout"],
      [accepted, "DISCONNECTED", "disconnected"],
    ] as const;
    for (const [from, type, reason] of cases) {
      const dropped = replicaStep(from, { type });
      expect(stateName(dropped.value)).toBe("dropped");
      expect(dropped.context.dropReason).toBe(reason);
      expect(dropped.context.lastTransition?.event).toBe(type);
      expect(dropped.status).toBe("done");
    }
  });

  it("is plain data: no live actor, the same snapshot for the same history", () => {
    const a = replicaStep(replicaStep(INITIAL_REPLICA_SNAPSHOT, { type: "SYNC_ACCEPTED" }), { type: "FULLRESYNC_SETUP" });
    const b = replicaStep(replicaStep(INITIAL_REPLICA_SNAPSHOT, { type: "SYNC_ACCEPTED" }), { type: "FULLRESYNC_SETUP" });
    expect(a).toBe(b);
    expect(stateName(a.value)).toBe("WAIT_BGSAVE_END");
    expect(a.context).toEqual({ dropReason: null, lastTransition: { from: "WAIT_BGSAVE_START", event: "FULLRESYNC_SETUP" } });
  });
});

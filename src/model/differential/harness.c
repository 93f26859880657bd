/*
 * Differential harness: runs the shipped, unmodified seed `startBgsaveForReplication` (compiled
 * from src/model/seed/startBgsaveForReplication.c via -I <repo root>) on pre-states read from
 * stdin and prints one JSON line per case, in the shape of snapshotServer() (src/model/snapshot.ts)
 * plus "retval".
 *
 * Input: blocks of lines, one block per case.
 *
 *   case
 *   diskless 0|1
 *   delay <n>
 *   role master|replica
 *   backlog 0|1                      (master only; a replica always has one, as in newServer)
 *   upstream linked|cached|none      (replica only)
 *   replid <40 hex>
 *   offset <n>
 *   slaveseldb <n>
 *   child none|rdb-disk|rdb-socket|aof
 *   forkfails 0|1
 *   mincapa <n>
 *   replica <id> WAIT_BGSAVE_START|WAIT_BGSAVE_END|SEND_BULK|ONLINE <eof 0|1> <psync2 0|1> <oldsync 0|1>
 *   ...
 *   end
 *
 * The pre-state is built exactly as createServer (src/model/desc.ts) builds it, with seed 1:
 * pid 4001, first fork → 4018, mulberry32 state 1.
 *
 * The other versions' harnesses (harness-<version>.c) are this file for another text: the same
 * stand-ins and main (harness_main.h), with HARNESS_VERSION set; their input adds
 *
 *   delsyncfiles 0|1                 (6.0+: rdb-del-sync-files)
 *   req <n>                          (7.0: the req argument)
 *   replica ... <oldsync> <req>      (7.0: the replica's slave_req; 0 when absent)
 *
 * and their output adds "rdbGeneratedByReplication" (6.0+); "retval" is "assert" when a
 * serverAssert failed (7.0).
 */
#include "harness.h"

#include "src/model/seed/startBgsaveForReplication.c"

#include "harness_main.h"

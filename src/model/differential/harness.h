/*
 * Stand-ins for everything the shipped seed (src/model/seed/startBgsaveForReplication.c) uses,
 * written for the differential test against the TypeScript port. Behaviour follows Redis 4.0.14
 * as described in the reference (docs/behaviour.md §4–§8, §10) and mirrors the TS stand-ins (rdb.ts,
 * replication.ts, server.ts, desc.ts) observably: same log lines, same pids, same $EOF mark.
 *
 * The same stand-ins serve the other versions' texts (src/model/seed/<version>/): the harness
 * that includes a text defines HARNESS_VERSION (40014, the default, 50005, 60214 or 70015) first,
 * and the few callees that differ follow it, as the TS port of that version calls them
 * (SocketSaveOptions in rdb.ts, docs/architecture.md §19).
 *
 * Section 1 defines the stand-ins. Section 2 (at the end) defines the line-recording macros; they
 * must be the last thing seen before `#include`-ing the seed, and harness_main.h #undefs them after it.
 */
#ifndef HARNESS_H
#define HARNESS_H

#ifndef HARNESS_VERSION
#define HARNESS_VERSION 40014
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Section 1: constants (server.h 4.0.14) and stand-ins
 * ------------------------------------------------------------------------------------------- */

#define C_OK 0
#define C_ERR -1

#define REPL_STATE_NONE 0
#define SLAVE_STATE_WAIT_BGSAVE_START 6
#define SLAVE_STATE_WAIT_BGSAVE_END 7
#define SLAVE_STATE_SEND_BULK 8
#define SLAVE_STATE_ONLINE 9

#define SLAVE_CAPA_NONE 0
#define SLAVE_CAPA_EOF (1 << 0)
#define SLAVE_CAPA_PSYNC2 (1 << 1)

/* 7.0.15 server.h 441-445 */
#define SLAVE_REQ_NONE 0
#define SLAVE_REQ_RDB_EXCLUDE_DATA (1 << 0)
#define SLAVE_REQ_RDB_EXCLUDE_FUNCTIONS (1 << 1)
#define SLAVE_REQ_RDB_MASK (SLAVE_REQ_RDB_EXCLUDE_DATA | SLAVE_REQ_RDB_EXCLUDE_FUNCTIONS)

#define CLIENT_SLAVE (1 << 0)
#define CLIENT_CLOSE_AFTER_REPLY (1 << 6)
#define CLIENT_PRE_PSYNC (1 << 16)

#define RDB_CHILD_TYPE_NONE 0
#define RDB_CHILD_TYPE_DISK 1
#define RDB_CHILD_TYPE_SOCKET 2

#define LL_VERBOSE 1
#define LL_NOTICE 2
#define LL_WARNING 3

#define HARNESS_EAGAIN 11

/* A growable list of owned strings (wire messages, output buffer, log texts). */
typedef struct strlist {
    char **items;
    int len, cap;
} strlist;

static char *h_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d) abort();
    memcpy(d, s, n);
    return d;
}

static void strlist_push(strlist *l, const char *s) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4;
        l->items = realloc(l->items, sizeof(char *) * (size_t)l->cap);
        if (!l->items) abort();
    }
    l->items[l->len++] = h_strdup(s);
}

static void strlist_free(strlist *l) {
    int i;
    for (i = 0; i < l->len; i++) free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

/* adlist.h / adlist.c semantics. `value` is a one-element array so that the seed's `ln->value`
 * can be recorded (Section 2 turns it into `value[trace_index(__LINE__)]`). */
typedef struct listNode {
    struct listNode *prev;
    struct listNode *next;
    void *value[1];
} listNode;

typedef struct listIter {
    listNode *next;
    int direction;
} listIter;

typedef struct list {
    listNode *head;
    listNode *tail;
    unsigned long len;
} list;

#define AL_START_HEAD 0

static list *listCreate(void) {
    list *l = calloc(1, sizeof(*l));
    if (!l) abort();
    return l;
}

static void listAddNodeTail(list *l, void *value) {
    listNode *node = calloc(1, sizeof(*node));
    if (!node) abort();
    node->value[0] = value;
    node->prev = l->tail;
    node->next = NULL;
    if (l->tail) l->tail->next = node;
    else l->head = node;
    l->tail = node;
    l->len++;
}

static void listDelNode(list *l, listNode *node) {
    if (node->prev) node->prev->next = node->next;
    else l->head = node->next;
    if (node->next) node->next->prev = node->prev;
    else l->tail = node->prev;
    free(node);
    l->len--;
}

static void listRewind(list *l, listIter *li) {
    li->next = l->head;
    li->direction = AL_START_HEAD;
}

/* Fetches the successor before returning the current node: deleting the current node is safe. */
static listNode *listNext(listIter *iter) {
    listNode *current = iter->next;
    if (current != NULL) iter->next = current->next;
    return current;
}

static listNode *listSearchKey(list *l, void *key) {
    listNode *n;
    for (n = l->head; n; n = n->next)
        if (n->value[0] == key) return n;
    return NULL;
}

static void listRelease(list *l) {
    listNode *n = l->head, *next;
    while (n) {
        next = n->next;
        free(n);
        n = next;
    }
    free(l);
}

/* The client fields the seed and its callees touch, plus what the test observes. */
typedef struct client {
    uint64_t id;              /* client id (rdbSaveToSlavesSockets remembers these) */
    char name[64];            /* the replica's label in the test case ("r1", ...) */
    int flags;
    int replstate;
    int repl_put_online_on_ack;
    int slave_capa;
    int slave_req;            /* 7.0: SLAVE_REQ_* (0 before) */
    long long psync_initial_offset;
    int dbid;                 /* stand-in for c->db->id (server.master / cached_master) */
    int closed;
    strlist wire;             /* raw write()s to the socket */
    strlist reply;            /* the output buffer */
    int reply_start;          /* entries before this index were already written to the socket */
} client;

typedef struct rdbSaveInfo {
    int repl_stream_db;
} rdbSaveInfo;

#define RDB_SAVE_INFO_INIT {-1}

typedef struct logEntry {
    int level;
    char *text;
} logEntry;

struct redisServer {
    int pid;
    int next_pid;             /* what the next successful fork() returns (see newServer in server.ts) */
    uint32_t rng_state;       /* mulberry32 state, as server.ts randomHex */
    int repl_diskless_sync;
    int repl_diskless_sync_delay;
    char *rdb_filename;
    list *slaves;
    char *masterhost;
    client *master;
    client *cached_master;
    void *repl_backlog;
    char replid[41];
    long long master_repl_offset;
    int slaveseldb;
    int rdb_child_pid;
    int rdb_child_type;
    int aof_child_pid;
    int fork_fails;           /* errno for the next fork(), 0 = succeeds */
    int rdb_del_sync_files;   /* 6.0+: rdb-del-sync-files */
    int script_cache_flushes;
    /* observations */
    logEntry *log;
    int log_len, log_cap;
    int *lines;
    int lines_len, lines_cap;
};

static struct redisServer server;

#if HARNESS_VERSION >= 60000
/* 6.0+ replication.c: set when a disk BGSAVE for replication starts with rdb-del-sync-files on. */
static int RDBGeneratedByReplication = 0;
#endif

#if HARNESS_VERSION >= 70000
/* A failed serverAssert leaves the function through here (the process would abort). */
static jmp_buf harness_assert_jmp;
#endif

/* ---- line recording ---- */

/* Record that a seed line executed; consecutive records of the same line collapse into one
 * (several trace points on one line are one execution of that line). */
static void trace_line(int line) {
    if (server.lines_len > 0 && server.lines[server.lines_len - 1] == line) return;
    if (server.lines_len == server.lines_cap) {
        server.lines_cap = server.lines_cap ? server.lines_cap * 2 : 64;
        server.lines = realloc(server.lines, sizeof(int) * (size_t)server.lines_cap);
        if (!server.lines) abort();
    }
    server.lines[server.lines_len++] = line;
}

static int trace_cond(int line, int value) {
    trace_line(line);
    return value;
}

static int trace_index(int line) {
    trace_line(line);
    return 0;
}

/* ---- log ---- */

static void serverLog(int level, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (server.log_len == server.log_cap) {
        server.log_cap = server.log_cap ? server.log_cap * 2 : 8;
        server.log = realloc(server.log, sizeof(logEntry) * (size_t)server.log_cap);
        if (!server.log) abort();
    }
    server.log[server.log_len].level = level;
    server.log[server.log_len].text = h_strdup(buf);
    server.log_len++;
}

/* ---- fork() and getRandomHexChars stand-ins (deterministic, identical to server.ts) ---- */

static const char *harness_strerror(int err) {
    return err == HARNESS_EAGAIN ? "Resource temporarily unavailable" : "Cannot allocate memory";
}

/* Returns the child pid, or -1 with *err set (an injected failure happens once). */
static int harness_fork(int *err) {
    if (server.fork_fails) {
        *err = server.fork_fails;
        server.fork_fails = 0;
        return -1;
    }
    return server.next_pid++;
}

/* mulberry32, as randomHex in server.ts. */
static void getRandomHexChars(char *p, size_t len) {
    size_t n = 0;
    while (n < len) {
        uint32_t t;
        char chunk[9];
        size_t j;
        server.rng_state += 0x6d2b79f5u;
        t = server.rng_state;
        t = (t ^ (t >> 15)) * (t | 1u);
        t ^= t + (t ^ (t >> 7)) * (t | 61u);
        t = t ^ (t >> 14);
        snprintf(chunk, sizeof(chunk), "%08x", (unsigned)t);
        for (j = 0; j < 8 && n < len; j++) p[n++] = chunk[j];
    }
}

/* ---- networking.c ---- */

static void writeToSocket(client *c, const char *text) {
    if (!c->closed) strlist_push(&c->wire, text);
}

/* prepareClientToWrite: only a normal client or an ONLINE replica not waiting for its first ACK
 * gets its buffer written (networking.c 176–207, docs/behaviour.md §8). */
static int clientCanWrite(client *c) {
    return c->replstate == REPL_STATE_NONE ||
           (c->replstate == SLAVE_STATE_ONLINE && !c->repl_put_online_on_ack);
}

static void addReply(client *c, const char *text) {
    if (c->closed) return;
    strlist_push(&c->reply, text);
    if (clientCanWrite(c)) {
        int i;
        for (i = c->reply_start; i < c->reply.len; i++) strlist_push(&c->wire, c->reply.items[i]);
        c->reply_start = c->reply.len;
    }
}

/* addReplyError → addReplyErrorLength: "-ERR <msg>", and the CRITICAL log while the client is
 * still flagged as a replica (the last command of a replica being synced is PSYNC). */
static void addReplyError(client *c, const char *err) {
    char buf[512];
    snprintf(buf, sizeof(buf), "-ERR %s", err);
    addReply(c, buf);
    if (c->flags & CLIENT_SLAVE) {
        serverLog(LL_WARNING,
                  "== CRITICAL == This master is sending an error to its slave: '%s' after processing the command '%s'",
                  err, "psync");
    }
}

/* ---- replication.c ---- */

static long long getPsyncInitialOffset(void) {
    return server.master_repl_offset;
}

static int replicationSetupSlaveForFullResync(client *slave, long long offset) {
    char buf[128];
    slave->psync_initial_offset = offset;
    slave->replstate = SLAVE_STATE_WAIT_BGSAVE_END;
    server.slaveseldb = -1;
    if (!(slave->flags & CLIENT_PRE_PSYNC)) {
        snprintf(buf, sizeof(buf), "+FULLRESYNC %s %lld", server.replid, offset);
        writeToSocket(slave, buf);
    }
    return C_OK;
}

#if HARNESS_VERSION < 70000
static void replicationScriptCacheFlush(void) {
    server.script_cache_flushes++;
}
#endif

/* ---- rdb.c ---- */

/* Four outcomes (docs/behaviour.md §5). */
static rdbSaveInfo *rdbPopulateSaveInfo(rdbSaveInfo *rsi) {
    rdbSaveInfo rsi_init = RDB_SAVE_INFO_INIT;
    *rsi = rsi_init;
    if (!server.masterhost && server.repl_backlog) {
        rsi->repl_stream_db = server.slaveseldb == -1 ? 0 : server.slaveseldb;
        return rsi;
    }
    if (server.master) {
        rsi->repl_stream_db = server.master->dbid;
        return rsi;
    }
    if (server.cached_master) {
        rsi->repl_stream_db = server.cached_master->dbid;
        return rsi;
    }
    return NULL;
}

#if HARNESS_VERSION >= 70000
static int rdbSaveBackground(int req, char *filename, rdbSaveInfo *rsi) {
#else
static int rdbSaveBackground(char *filename, rdbSaveInfo *rsi) {
#endif
    int childpid, err = 0;
#if HARNESS_VERSION >= 70000
    (void)req; /* what the child writes, not who gets it */
#endif
    (void)filename;
    (void)rsi;
    if (server.aof_child_pid != -1 || server.rdb_child_pid != -1) return C_ERR;
    if ((childpid = harness_fork(&err)) == -1) {
        serverLog(LL_WARNING, "Can't save in background: fork: %s", harness_strerror(err));
        return C_ERR;
    }
    serverLog(LL_NOTICE, "Background saving started by pid %d", childpid);
    server.rdb_child_pid = childpid;
    server.rdb_child_type = RDB_CHILD_TYPE_DISK;
    return C_OK;
}

/* 6.0+ (rdb.c 2869 at 6.2.14): the child writes into a pipe the parent forwards later, so no
 * socket gets anything at the fork; a failed fork puts every WAIT_BGSAVE_END replica back.
 * 7.0 (rdb.c 3366 at 7.0.15): only replicas whose slave_req equals req are served. */
#if HARNESS_VERSION >= 70000
static int rdbSaveToSlavesSockets(int req, rdbSaveInfo *rsi) {
#else
static int rdbSaveToSlavesSockets(rdbSaveInfo *rsi) {
#endif
    uint64_t *clientids;
    int numfds = 0, childpid, err = 0, j;
    listNode *ln;
    listIter li;
    char eofmark[41];
    char buf[64];
    (void)rsi;

    if (server.aof_child_pid != -1 || server.rdb_child_pid != -1) return C_ERR;

    clientids = malloc(sizeof(uint64_t) * (server.slaves->len + 1));
    if (!clientids) abort();
    listRewind(server.slaves, &li);
    while ((ln = listNext(&li))) {
        client *slave = ln->value[0];
        if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_START) {
#if HARNESS_VERSION >= 70000
            if (slave->slave_req != req) continue;
#endif
            clientids[numfds++] = slave->id;
            replicationSetupSlaveForFullResync(slave, getPsyncInitialOffset());
        }
    }

    if ((childpid = harness_fork(&err)) == -1) {
        serverLog(LL_WARNING, "Can't save in background: fork: %s", harness_strerror(err));
        /* Undo the state change: the caller's error loop finds them in WAIT_BGSAVE_START again. */
        listRewind(server.slaves, &li);
        while ((ln = listNext(&li))) {
            client *slave = ln->value[0];
#if HARNESS_VERSION >= 60000
            if (slave->replstate == SLAVE_STATE_WAIT_BGSAVE_END) slave->replstate = SLAVE_STATE_WAIT_BGSAVE_START;
            (void)j;
#else
            for (j = 0; j < numfds; j++) {
                if (slave->id == clientids[j]) {
                    slave->replstate = SLAVE_STATE_WAIT_BGSAVE_START;
                    break;
                }
            }
#endif
        }
        free(clientids);
        return C_ERR;
    }

    /* What the child writes first to every target: "$EOF:<40 random hex>". */
    getRandomHexChars(eofmark, 40);
    eofmark[40] = '\0';
    snprintf(buf, sizeof(buf), "$EOF:%s", eofmark);
#if HARNESS_VERSION < 60000
    listRewind(server.slaves, &li);
    while ((ln = listNext(&li))) {
        client *slave = ln->value[0];
        for (j = 0; j < numfds; j++) {
            if (slave->id == clientids[j]) {
                writeToSocket(slave, buf);
                break;
            }
        }
    }
#endif
    serverLog(LL_NOTICE, "Background RDB transfer started by pid %d", childpid);
    server.rdb_child_pid = childpid;
    server.rdb_child_type = RDB_CHILD_TYPE_SOCKET;
    free(clientids);
    return C_OK;
}

#if HARNESS_VERSION >= 70000
#ifndef HARNESS_SOURCE_OFFSET
#error "HARNESS_SOURCE_OFFSET: line n of the text is line n + offset of replication.c"
#endif
/* _serverAssert (debug.c 7.0.15): the bug report's first lines, then the process dies. */
static void harness_assert_failed(const char *estr, int line) {
    serverLog(LL_WARNING, "=== REDIS BUG REPORT START: Cut & paste starting from here ===");
    serverLog(LL_WARNING, "=== ASSERTION FAILED ===");
    serverLog(LL_WARNING, "==> %s:%d '%s' is not true", "replication.c", line + HARNESS_SOURCE_OFFSET, estr);
    longjmp(harness_assert_jmp, 1);
}
#endif

/* ---------------------------------------------------------------------------------------------
 * Section 2: line recording for the included seed (the file itself is not modified).
 *
 * Every macro below is object-like or expands where its name token stands, so __LINE__ is the
 * line of that token — for the three statements spanning two lines (25–26, 56–57, 73–74) the
 * recorded token (LL_NOTICE, addReplyError, replicationSetupSlaveForFullResync) is on the first
 * line, which is the line the TS port records. getPsyncInitialOffset (line 74) records nothing.
 * The other versions' texts record the same way; what only they have: REPL_STATE_NONE (5.0+),
 * RDBGeneratedByReplication (6.0+), serverAssert and `continue` (7.0). `continue` becomes
 * `switch (...) default: continue`, one statement, so a brace-less `if (...) continue;` keeps its
 * meaning (a `continue` inside a switch still continues the enclosing loop).
 * ------------------------------------------------------------------------------------------- */

#define if(c) if (trace_cond(__LINE__, !!(c)))
#define while(c) while (trace_cond(__LINE__, !!(c)))
#define return trace_line(__LINE__); return
#define server (*(trace_line(__LINE__), &server))
#define value value[trace_index(__LINE__)]

#undef C_ERR
#define C_ERR (trace_line(__LINE__), -1)
#undef CLIENT_SLAVE
#define CLIENT_SLAVE (trace_line(__LINE__), (1 << 0))
#undef CLIENT_CLOSE_AFTER_REPLY
#define CLIENT_CLOSE_AFTER_REPLY (trace_line(__LINE__), (1 << 6))
#undef LL_NOTICE
#define LL_NOTICE (trace_line(__LINE__), 2)
#undef LL_WARNING
#define LL_WARNING (trace_line(__LINE__), 3)

#define rdbPopulateSaveInfo (trace_line(__LINE__), rdbPopulateSaveInfo)
#define rdbSaveToSlavesSockets (trace_line(__LINE__), rdbSaveToSlavesSockets)
#define rdbSaveBackground (trace_line(__LINE__), rdbSaveBackground)
#define listRewind (trace_line(__LINE__), listRewind)
#define listDelNode (trace_line(__LINE__), listDelNode)
#define addReplyError (trace_line(__LINE__), addReplyError)
#define replicationSetupSlaveForFullResync (trace_line(__LINE__), replicationSetupSlaveForFullResync)
#define replicationScriptCacheFlush (trace_line(__LINE__), replicationScriptCacheFlush)

#undef REPL_STATE_NONE
#define REPL_STATE_NONE (trace_line(__LINE__), 0)
#define RDBGeneratedByReplication (*(trace_line(__LINE__), &RDBGeneratedByReplication))
#define continue switch (trace_index(__LINE__)) default: continue
#if HARNESS_VERSION >= 70000
#define serverAssert(_e) (trace_line(__LINE__), (_e) ? (void)0 : harness_assert_failed(#_e, __LINE__))
#endif

#endif /* HARNESS_H */

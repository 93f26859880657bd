/*
 * The part of every differential harness after the included text: the line-recording macros
 * off again, then reading cases, building the pre-state, running the function, printing the
 * result (formats in harness.c). Included once, last, by harness.c and harness-<version>.c.
 */

/* The seed is compiled; turn the line-recording macros off again. */
#undef if
#undef while
#undef return
#undef server
#undef value
#undef C_ERR
#define C_ERR -1
#undef CLIENT_SLAVE
#define CLIENT_SLAVE (1 << 0)
#undef CLIENT_CLOSE_AFTER_REPLY
#define CLIENT_CLOSE_AFTER_REPLY (1 << 6)
#undef LL_NOTICE
#define LL_NOTICE 2
#undef LL_WARNING
#define LL_WARNING 3
#undef rdbPopulateSaveInfo
#undef rdbSaveToSlavesSockets
#undef rdbSaveBackground
#undef listRewind
#undef listDelNode
#undef addReplyError
#undef replicationSetupSlaveForFullResync
#undef replicationScriptCacheFlush
#undef REPL_STATE_NONE
#define REPL_STATE_NONE 0
#undef RDBGeneratedByReplication
#undef continue
#undef serverAssert

#define MAX_REPLICAS 64

typedef struct testCase {
    int diskless, delay, is_replica, backlog, forkfails, slaveseldb, mincapa, delsyncfiles, req;
    char upstream[16], child[16], replid[41];
    long long offset;
    int nreplicas;
    struct {
        char id[64], state[32];
        int eof, psync2, oldsync, req;
    } replicas[MAX_REPLICAS];
} testCase;

static client *clients[MAX_REPLICAS];
static int nclients;
static client upstream_master;

static void die(const char *msg, const char *detail) {
    fprintf(stderr, "harness: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static int replstate_by_name(const char *name) {
    if (!strcmp(name, "WAIT_BGSAVE_START")) return SLAVE_STATE_WAIT_BGSAVE_START;
    if (!strcmp(name, "WAIT_BGSAVE_END")) return SLAVE_STATE_WAIT_BGSAVE_END;
    if (!strcmp(name, "SEND_BULK")) return SLAVE_STATE_SEND_BULK;
    if (!strcmp(name, "ONLINE")) return SLAVE_STATE_ONLINE;
    die("unknown replstate", name);
    return -1;
}

static const char *replstate_name(int state) {
    switch (state) {
    case REPL_STATE_NONE: return "NONE";
    case SLAVE_STATE_WAIT_BGSAVE_START: return "WAIT_BGSAVE_START";
    case SLAVE_STATE_WAIT_BGSAVE_END: return "WAIT_BGSAVE_END";
    case SLAVE_STATE_SEND_BULK: return "SEND_BULK";
    case SLAVE_STATE_ONLINE: return "ONLINE";
    default: return "NONE";
    }
}

/* Reads one case; returns 0 at end of input. */
static int read_case(testCase *tc) {
    char line[512];
    int started = 0;
    memset(tc, 0, sizeof(*tc));
    tc->slaveseldb = -1;
    strcpy(tc->upstream, "none");
    strcpy(tc->child, "none");
    while (fgets(line, sizeof(line), stdin)) {
        char key[32];
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n == 0) continue;
        if (sscanf(line, "%31s", key) != 1) continue;
        if (!strcmp(key, "case")) {
            started = 1;
            continue;
        }
        if (!started) die("expected 'case'", line);
        if (!strcmp(key, "end")) return 1;
        if (!strcmp(key, "diskless")) sscanf(line, "%*s %d", &tc->diskless);
        else if (!strcmp(key, "delay")) sscanf(line, "%*s %d", &tc->delay);
        else if (!strcmp(key, "role")) {
            char role[16] = "";
            sscanf(line, "%*s %15s", role);
            tc->is_replica = !strcmp(role, "replica");
        } else if (!strcmp(key, "backlog")) sscanf(line, "%*s %d", &tc->backlog);
        else if (!strcmp(key, "upstream")) sscanf(line, "%*s %15s", tc->upstream);
        else if (!strcmp(key, "replid")) sscanf(line, "%*s %40s", tc->replid);
        else if (!strcmp(key, "offset")) sscanf(line, "%*s %lld", &tc->offset);
        else if (!strcmp(key, "slaveseldb")) sscanf(line, "%*s %d", &tc->slaveseldb);
        else if (!strcmp(key, "child")) sscanf(line, "%*s %15s", tc->child);
        else if (!strcmp(key, "forkfails")) sscanf(line, "%*s %d", &tc->forkfails);
        else if (!strcmp(key, "mincapa")) sscanf(line, "%*s %d", &tc->mincapa);
        else if (!strcmp(key, "delsyncfiles")) sscanf(line, "%*s %d", &tc->delsyncfiles);
        else if (!strcmp(key, "req")) sscanf(line, "%*s %d", &tc->req);
        else if (!strcmp(key, "replica")) {
            int i = tc->nreplicas;
            if (i == MAX_REPLICAS) die("too many replicas", NULL);
            tc->replicas[i].req = 0;
            if (sscanf(line, "%*s %63s %31s %d %d %d %d", tc->replicas[i].id, tc->replicas[i].state,
                       &tc->replicas[i].eof, &tc->replicas[i].psync2, &tc->replicas[i].oldsync,
                       &tc->replicas[i].req) < 5)
                die("bad replica line", line);
            tc->nreplicas++;
        } else die("unknown key", key);
    }
    if (started) die("unterminated case", NULL);
    return 0;
}

static void reset_state(void) {
    int i;
    for (i = 0; i < nclients; i++) {
        strlist_free(&clients[i]->wire);
        strlist_free(&clients[i]->reply);
        free(clients[i]);
    }
    nclients = 0;
    if (server.slaves) listRelease(server.slaves);
    for (i = 0; i < server.log_len; i++) free(server.log[i].text);
    free(server.log);
    free(server.lines);
    memset(&server, 0, sizeof(server));
}

/* createServer (desc.ts) with seed 1. */
static void build_state(const testCase *tc) {
    int i;
    reset_state();
    server.pid = 4000 + 1;
    server.next_pid = 4001 + 1 + 16;
    server.rng_state = 1;
    server.repl_diskless_sync = tc->diskless;
    server.repl_diskless_sync_delay = tc->delay;
    server.rdb_filename = "dump.rdb";
    server.slaves = listCreate();
    server.masterhost = tc->is_replica ? "10.0.0.1" : NULL;
    memset(&upstream_master, 0, sizeof(upstream_master));
    upstream_master.dbid = 0;
    server.master = tc->is_replica && !strcmp(tc->upstream, "linked") ? &upstream_master : NULL;
    server.cached_master = tc->is_replica && !strcmp(tc->upstream, "cached") ? &upstream_master : NULL;
    server.repl_backlog = (tc->is_replica || tc->backlog) ? (void *)&server : NULL;
    memcpy(server.replid, tc->replid, sizeof(server.replid));
    server.master_repl_offset = tc->offset;
    server.slaveseldb = tc->slaveseldb;
    server.rdb_child_pid = -1;
    server.rdb_child_type = RDB_CHILD_TYPE_NONE;
    server.aof_child_pid = -1;
    server.fork_fails = tc->forkfails ? HARNESS_EAGAIN : 0;
    server.rdb_del_sync_files = tc->delsyncfiles;
#if HARNESS_VERSION >= 60000
    RDBGeneratedByReplication = 0;
#endif

    if (strcmp(tc->child, "none") != 0) {
        int pid = server.next_pid++;
        if (!strcmp(tc->child, "aof")) server.aof_child_pid = pid;
        else if (!strcmp(tc->child, "rdb-disk")) {
            server.rdb_child_pid = pid;
            server.rdb_child_type = RDB_CHILD_TYPE_DISK;
        } else if (!strcmp(tc->child, "rdb-socket")) {
            server.rdb_child_pid = pid;
            server.rdb_child_type = RDB_CHILD_TYPE_SOCKET;
        } else die("unknown child", tc->child);
    }

    for (i = 0; i < tc->nreplicas; i++) {
        client *c = calloc(1, sizeof(*c));
        if (!c) abort();
        c->id = (uint64_t)(3 + i);
        snprintf(c->name, sizeof(c->name), "%s", tc->replicas[i].id);
        c->slave_capa = (tc->replicas[i].eof ? SLAVE_CAPA_EOF : 0) | (tc->replicas[i].psync2 ? SLAVE_CAPA_PSYNC2 : 0);
        c->flags = CLIENT_SLAVE | (tc->replicas[i].oldsync ? CLIENT_PRE_PSYNC : 0);
        c->replstate = replstate_by_name(tc->replicas[i].state);
        c->slave_req = tc->replicas[i].req;
        c->psync_initial_offset = c->replstate >= SLAVE_STATE_WAIT_BGSAVE_END ? tc->offset : -1;
        clients[nclients++] = c;
        listAddNodeTail(server.slaves, c);
    }
}

static void json_string(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            putchar('\\');
            putchar(ch);
        } else if (ch == '\n') fputs("\\n", stdout);
        else if (ch == '\r') fputs("\\r", stdout);
        else if (ch == '\t') fputs("\\t", stdout);
        else if (ch < 0x20) printf("\\u%04x", ch);
        else putchar(ch);
    }
    putchar('"');
}

static void json_strlist(const strlist *l, int from) {
    int i;
    putchar('[');
    for (i = from; i < l->len; i++) {
        if (i > from) putchar(',');
        json_string(l->items[i]);
    }
    putchar(']');
}

/* retval, or "assert" when a serverAssert failed. */
static void print_result(int retval, int asserted) {
    static const char *child_types[] = {"none", "disk", "socket"};
    static const struct { int bit; const char *name; } flag_names[] = {
        {CLIENT_SLAVE, "SLAVE"}, {CLIENT_CLOSE_AFTER_REPLY, "CLOSE_AFTER_REPLY"}, {CLIENT_PRE_PSYNC, "PRE_PSYNC"}};
    int i, j, first;

    if (asserted) printf("{\"retval\":\"assert\",\"rdbChildType\":");
    else printf("{\"retval\":%d,\"rdbChildType\":", retval);
    json_string(server.rdb_child_type >= 0 && server.rdb_child_type <= 2 ? child_types[server.rdb_child_type] : "none");
    printf(",\"slaveseldb\":%d,\"scriptCacheFlushed\":%s,\"log\":[", server.slaveseldb,
           server.script_cache_flushes > 0 ? "true" : "false");
    for (i = 0; i < server.log_len; i++) {
        if (i) putchar(',');
        printf("{\"level\":");
        json_string(server.log[i].level == LL_WARNING ? "warning" : server.log[i].level == LL_NOTICE ? "notice" : "verbose");
        printf(",\"text\":");
        json_string(server.log[i].text);
        putchar('}');
    }
    printf("],\"lines\":[");
    for (i = 0; i < server.lines_len; i++) printf(i ? ",%d" : "%d", server.lines[i]);
    printf("],\"replicas\":[");
    for (i = 0; i < nclients; i++) {
        client *c = clients[i];
        if (i) putchar(',');
        printf("{\"id\":");
        json_string(c->name);
        printf(",\"replstate\":");
        json_string(replstate_name(c->replstate));
        printf(",\"inSlaves\":%s,\"flags\":[", listSearchKey(server.slaves, c) ? "true" : "false");
        for (j = 0, first = 1; j < 3; j++) {
            if (c->flags & flag_names[j].bit) {
                if (!first) putchar(',');
                json_string(flag_names[j].name);
                first = 0;
            }
        }
        printf("],\"psyncInitialOffset\":%lld,\"wire\":", c->psync_initial_offset);
        json_strlist(&c->wire, 0);
        printf(",\"outputBuffer\":");
        json_strlist(&c->reply, c->reply_start);
        putchar('}');
    }
    printf("],\"replid\":");
    json_string(server.replid);
    printf(",\"masterReplOffset\":%lld,\"aofChild\":%s", server.master_repl_offset,
           server.aof_child_pid != -1 ? "true" : "false");
#if HARNESS_VERSION >= 60000
    printf(",\"rdbGeneratedByReplication\":%s", RDBGeneratedByReplication ? "true" : "false");
#endif
    printf("}\n");
}

int main(void) {
    static testCase tc;
    while (read_case(&tc)) {
        int retval = 0, asserted = 0;
        build_state(&tc);
#if HARNESS_VERSION >= 70000
        if (setjmp(harness_assert_jmp) == 0) retval = startBgsaveForReplication(tc.mincapa, tc.req);
        else asserted = 1;
#else
        retval = startBgsaveForReplication(tc.mincapa);
#endif
        print_result(retval, asserted);
    }
    reset_state();
    return 0;
}

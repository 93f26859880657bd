/**
 * What changed in startBgsaveForReplication between adjacent version profiles, hunk by hunk, with
 * the Redis commit behind each and what it changes for a replica: plain data for a "what changed"
 * view (docs/architecture.md §19). Commits were found with `git blame` / `git log -S` on
 * redis/redis at the tags; versions.test.ts and changes.test.ts check the line ranges against
 * the shipped texts, and (with REDIS_GIT_DIR) the commits against Redis' history.
 */
import type { RedisVersion } from "./names";

/** Inclusive line range of one text; `last === first - 1` is empty: the point before line `first`. */
export interface LineRange {
  first: number;
  last: number;
}

export interface Commit {
  /** Short hash, as `git log --oneline` prints it (9 hex digits). */
  hash: string;
  /** The full hash, for the link. */
  full: string;
  subject: string;
  /** When a hunk has several commits: the lines of the newer text this one wrote. */
  lines?: number[];
}

/**
 * behaviour: what the function does changes. log: only a log text. comment: only a comment.
 * annotation: the 4.0.14 seed's own Chinese notes, not in Redis' file.
 */
export type HunkKind = "behaviour" | "log" | "comment" | "annotation";

export interface ChangeHunk {
  /** Lines in the older text. */
  from: LineRange;
  /** Lines in the newer text. */
  to: LineRange;
  kind: HunkKind;
  /** The commits behind it (empty for the seed's annotations). */
  commits: Commit[];
  /** What it changes for a replica, one paragraph. */
  explanation: { en: string; zh: string };
}

/** A behaviour change that is not in the function's text but in a callee it calls. */
export interface CalleeChange {
  callee: string;
  /** tag:file:line of the callee in the newer version. */
  source: string;
  commits: Commit[];
  explanation: { en: string; zh: string };
}

export interface VersionChanges {
  from: RedisVersion;
  to: RedisVersion;
  hunks: ChangeHunk[];
  callees: CalleeChange[];
}

export function commitUrl(c: Commit): string {
  return `https://github.com/redis/redis/commit/${c.full}`;
}

/** Built in a function marked pure, so a bundle that does not read the table leaves it out. */
function buildChanges(): readonly VersionChanges[] {
  const C = {
    fixTypo: { hash: "93238575f", full: "93238575f77630f24e0472bdbf7eecb73a4652a8", subject: "Fix typo" },
    slaveRemoval: { hash: "53fe558ea", full: "53fe558eaf2d66de98dfc711e17b79f3fce709ae", subject: "Slave removal: replication.c logs fixed." },
    notifySlave: {
      hash: "3b207b894",
      full: "3b207b894aa1fcd07c675330148706f2be09dbda",
      subject: "diskless replication - notify slave when rdb transfer failed",
    },
    removeSyncRdb: {
      hash: "5e2319c32",
      full: "5e2319c3266c6a4e0a3745c6b3a6af63dc3d9a94",
      subject: "Remove RDB files used for replication in persistence-less instances.",
    },
    delSyncConfigurable: {
      hash: "3bab69e92",
      full: "3bab69e921039ad2e4f56c5842c4cf3e73a598dd",
      subject: "Make sync RDB deletion configurable. Default to no.",
    },
    fixTypos: { hash: "dcffca0a3", full: "dcffca0a31bfd2ed9aec0f2cc49d14767c7ffec6", subject: "Fix typos, add some periods" },
    pipe: {
      hash: "5a4779460",
      full: "5a477946065bcf05b335ededd6b794e82882ab73",
      subject: "diskless replication rdb transfer uses pipe, and writes to sockets form the parent process.",
    },
    functionsRdb: {
      hash: "1bf6d6f11",
      full: "1bf6d6f11eb08d98ba3de688d18d805a2d8696d5",
      subject: "Generate RDB with Functions only via redis-cli --functions-rdb (#9968)",
    },
    dummyRdb: {
      hash: "65a763579",
      full: "65a76357933de5a7d314d0944b56782fb05d3b6d",
      subject: "`redis-cli --replica` reads dummy empty rdb instead of full snapshot (#10044)",
    },
    noVerbatim: {
      hash: "1b0968df4",
      full: "1b0968df46f9f838e7daa540675b29073a00cf30",
      subject: "Remove EVAL script verbatim replication, propagation, and deterministic execution logic (#9812)",
    },
  } satisfies Record<string, Commit>;

  const annotation = (from: number, toFirst: number): ChangeHunk => ({
    from: { first: from, last: from },
    to: { first: toFirst, last: toFirst - 1 },
    kind: "annotation",
    commits: [],
    explanation: {
      en: "A Chinese note of the lab's 4.0.14 teaching text, not part of Redis' file; the other versions are shipped exactly as Redis has them.",
      zh: "这是本实验 4.0.14 教学文本自带的中文注释，并不属于 Redis 源文件；其他版本的文本与 Redis 源码完全一致。",
    },
  });

  return [
    {
      from: "4.0.14",
      to: "5.0.5",
      hunks: [
        {
          from: { first: 12, last: 12 },
          to: { first: 12, last: 12 },
          kind: "comment",
          commits: [C.fixTypo],
          explanation: {
            en: "A spelling fix in the comment above the function (\"succesfully\"). Nothing changes for a replica.",
            zh: "函数上方注释的拼写修正（\"succesfully\"）。对副本没有任何影响。",
          },
        },
        {
          from: { first: 26, last: 26 },
          to: { first: 26, last: 26 },
          kind: "log",
          commits: [C.slaveRemoval],
          explanation: {
            en: "The log line now reads \"target: replicas sockets\" instead of \"slaves sockets\", part of Redis 5.0's renaming of \"slave\" to \"replica\" in its messages. The replica sees nothing different; whoever reads the primary's log does.",
            zh: "日志改为 \"target: replicas sockets\"，不再是 \"slaves sockets\"——这是 Redis 5.0 在消息中把 \"slave\" 改称 \"replica\" 的一部分。副本看到的没有变化，变的是主节点日志的读者看到的内容。",
          },
        },
        annotation(29, 29),
        annotation(46, 45),
        {
          from: { first: 54, last: 53 },
          to: { first: 52, last: 52 },
          kind: "behaviour",
          commits: [C.notifySlave],
          explanation: {
            en: "When the BGSAVE cannot start, each waiting replica's replstate is reset to REPL_STATE_NONE before the error is queued. The primary only writes a client's output buffer when its replstate is NONE (or it is an ONLINE replica), so in 4.0.14 the \"-ERR BGSAVE failed, replication can't continue\" reply stayed queued forever and the replica heard nothing until its repl-timeout. From 5.0.5 the reply is written and the connection closed after it: the replica learns at once that this sync failed and starts over.",
            zh: "BGSAVE 无法启动时，每个等待中的副本在错误回复入队之前先把 replstate 重置为 REPL_STATE_NONE。主节点只会为 replstate 为 NONE 的客户端（或 ONLINE 的副本）写出输出缓冲区，所以在 4.0.14 中 \"-ERR BGSAVE failed, replication can't continue\" 永远留在缓冲区里，副本要等到 repl-timeout 才有反应。从 5.0.5 起，这条回复会被写出，随后连接关闭：副本立刻知道这次同步失败，并重新开始。",
          },
        },
        annotation(66, 65),
      ],
      callees: [],
    },
    {
      from: "5.0.5",
      to: "6.2.14",
      hunks: [
        {
          from: { first: 42, last: 41 },
          to: { first: 42, last: 49 },
          kind: "behaviour",
          commits: [
            { ...C.removeSyncRdb, lines: [42, 49] },
            { ...C.delSyncConfigurable, lines: [43, 44, 45, 46, 47, 48] },
          ],
          explanation: {
            en: "New in 6.0: when a disk BGSAVE for replication started and rdb-del-sync-files is on (default no), the function sets RDBGeneratedByReplication, so that an instance without persistence can delete the RDB file once the replicas have it. The replica receives the same bytes; only what stays on the primary's disk differs.",
            zh: "6.0 新增：当为复制启动了写磁盘的 BGSAVE 且 rdb-del-sync-files 打开（默认关闭）时，函数设置 RDBGeneratedByReplication，使没有开启持久化的实例在副本拿到文件后可以删除这个 RDB 文件。副本收到的字节不变，变的只是主节点磁盘上留下什么。",
          },
        },
        {
          from: { first: 43, last: 43 },
          to: { first: 51, last: 51 },
          kind: "comment",
          commits: [C.fixTypos],
          explanation: {
            en: "Spelling fixes in a comment (\"resynchorinization\", \"salves\"). Nothing changes for a replica.",
            zh: "注释中的拼写修正（\"resynchorinization\"、\"salves\"）。对副本没有任何影响。",
          },
        },
        {
          from: { first: 64, last: 64 },
          to: { first: 72, last: 72 },
          kind: "comment",
          commits: [C.fixTypos],
          explanation: {
            en: "A spelling fix in a comment (\"salves\"). Nothing changes for a replica.",
            zh: "注释中的拼写修正（\"salves\"）。对副本没有任何影响。",
          },
        },
      ],
      callees: [
        {
          callee: "rdbSaveToSlavesSockets",
          source: "6.2.14:src/rdb.c:2869",
          commits: [C.pipe],
          explanation: {
            en: "The function's text is unchanged here, but the diskless callee is rewritten in 6.0: the child writes the RDB into a pipe and the parent reads it and writes it to the replicas' sockets, so at the fork a replica has received only +FULLRESYNC and the \"$EOF:<mark>\" arrives later, from the parent. If that fork fails, every replica in WAIT_BGSAVE_END goes back to WAIT_BGSAVE_START — not only the ones just set up — and the error loop then drops them all.",
            zh: "这里函数文本没有变，但无盘复制调用的函数在 6.0 被重写：子进程把 RDB 写进管道，由父进程读出再写到各副本的 socket。因此 fork 时副本只收到 +FULLRESYNC，\"$EOF:<mark>\" 稍后由父进程发出。如果这次 fork 失败，所有处于 WAIT_BGSAVE_END 的副本都会回到 WAIT_BGSAVE_START——不只是刚刚设置的那些——随后错误循环会把它们全部移除。",
          },
        },
      ],
    },
    {
      from: "6.2.14",
      to: "7.0.15",
      hunks: [
        {
          from: { first: 19, last: 19 },
          to: { first: 19, last: 19 },
          kind: "behaviour",
          commits: [C.functionsRdb],
          explanation: {
            en: "The function takes a second argument, req: the requirements (SLAVE_REQ_* bits) that the waiting replicas share, set by REPLCONF rdb-filter-only — for example a redis-cli that wants only the functions. Its callers now pass each replica's slave_req, and one RDB serves only replicas with the same requirements.",
            zh: "函数多了第二个参数 req：等待中的副本共同的需求（SLAVE_REQ_* 位），由 REPLCONF rdb-filter-only 设置——例如只想要函数的 redis-cli。调用者现在会传入每个副本的 slave_req，一份 RDB 只服务需求相同的副本。",
          },
        },
        {
          from: { first: 21, last: 21 },
          to: { first: 21, last: 21 },
          kind: "behaviour",
          commits: [C.functionsRdb],
          explanation: {
            en: "socket_target is now only declared here (0) and computed a few lines below, where req is taken into account.",
            zh: "socket_target 在这里只做声明（初值 0），在下面几行结合 req 再计算。",
          },
        },
        {
          from: { first: 25, last: 24 },
          to: { first: 25, last: 31 },
          kind: "behaviour",
          commits: [
            { ...C.functionsRdb, lines: [25, 27, 29, 31] },
            { ...C.dummyRdb, lines: [26, 28, 30] },
          ],
          explanation: {
            en: "A filtered RDB always goes to sockets, even with repl-diskless-sync off, so the snapshot file on disk is never overwritten with filtered data. A filtered request from a replica that cannot read the EOF format is refused earlier by syncCommand (\"Filtered replica requires EOF capability\"); reaching this function with one is a failed serverAssert, which crashes the primary and so disconnects every replica.",
            zh: "过滤后的 RDB 总是发往 socket，即使 repl-diskless-sync 关闭也如此，这样磁盘上的快照文件不会被过滤后的数据覆盖。不支持 EOF 格式的副本发起的过滤请求会先在 syncCommand 被拒绝（\"Filtered replica requires EOF capability\"）；若这种请求到达本函数，serverAssert 失败，主节点崩溃，所有副本随之断开。",
          },
        },
        {
          from: { first: 34, last: 34 },
          to: { first: 41, last: 41 },
          kind: "behaviour",
          commits: [C.functionsRdb],
          explanation: {
            en: "rdbSaveToSlavesSockets takes req: it sets up and streams to only the waiting replicas whose slave_req equals req; the others keep waiting for a later BGSAVE.",
            zh: "rdbSaveToSlavesSockets 接收 req：只为 slave_req 等于 req 的等待副本做准备并发送数据；其他副本继续等待之后的 BGSAVE。",
          },
        },
        {
          from: { first: 36, last: 36 },
          to: { first: 43, last: 43 },
          kind: "behaviour",
          commits: [C.functionsRdb],
          explanation: {
            en: "rdbSaveBackground takes req too, which decides what the child writes into the file; for a disk target it is never a filter (those go to sockets), so the replica receives the same file.",
            zh: "rdbSaveBackground 也接收 req，它决定子进程往文件里写什么；磁盘目标下 req 不会是过滤请求（过滤请求都走 socket），所以副本收到的文件不变。",
          },
        },
        {
          from: { first: 79, last: 80 },
          to: { first: 86, last: 89 },
          kind: "behaviour",
          commits: [C.functionsRdb],
          explanation: {
            en: "On the disk path, a waiting replica whose slave_req differs from req is skipped: it gets no +FULLRESYNC and stays in WAIT_BGSAVE_START for a BGSAVE of its own. (If the BGSAVE fails, the error loop above still drops every waiting replica, whatever its requirements.)",
            zh: "在磁盘路径上，slave_req 与 req 不同的等待副本会被跳过：它收不到 +FULLRESYNC，停留在 WAIT_BGSAVE_START，等待属于自己的 BGSAVE。（若 BGSAVE 失败，上面的错误循环仍会移除所有等待中的副本，不论其需求。）",
          },
        },
        {
          from: { first: 85, last: 87 },
          to: { first: 94, last: 93 },
          kind: "behaviour",
          commits: [C.noVerbatim],
          explanation: {
            en: "The script cache flush is gone: Redis 7.0 removed verbatim script replication, so scripts reach replicas as the commands they ran and there is no cache of scripts the replicas know. EVALSHA after a full resync no longer has to be rewritten as EVAL.",
            zh: "脚本缓存的清空被删除了：Redis 7.0 去掉了脚本的原样复制，脚本以其执行的命令传给副本，也就不再有\"副本已知脚本\"的缓存。全量同步之后的 EVALSHA 不再需要改写成 EVAL。",
          },
        },
      ],
      callees: [],
    },
  ];
}

export const CHANGES: readonly VersionChanges[] = /* @__PURE__ */ buildChanges();

export function changesBetween(from: RedisVersion, to: RedisVersion): VersionChanges | undefined {
  return CHANGES.find((c) => c.from === from && c.to === to);
}

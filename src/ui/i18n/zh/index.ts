/** 简体中文说明：与 en/index.ts 的键一一对应，事实以 Redis 4.0.14 参考文档为准。反引号表示代码。 */
import type { Dict } from "../en";
import { bytes, capaNames } from "../format";
import { pageZh, panelsZh } from "./page";
import { shareZh } from "./share";

const ERRNO_TEXT: Record<string, string> = {
  EAGAIN: "Resource temporarily unavailable，进程数已达上限",
  ENOMEM: "Cannot allocate memory，内存不足",
};

export const zh = {
  notes: {
    "sync.accepted": (n) =>
      n.command === "SYNC"
        ? `${n.replica} 发送了旧的 \`SYNC\` 命令（\`redis-cli --slave\` 就是这样）。它被标记为 \`CLIENT_PRE_PSYNC\`：不会收到 \`+FULLRESYNC\` 行；它也没有声明任何能力（capa 0），所以读不了无盘流。它的 replstate 变为 \`WAIT_BGSAVE_START\`（6）：需要一份新的 RDB 快照。`
        : `${n.replica} 发送了 \`PSYNC ? -1\`：它没有可以续传的数据，所以请求全量同步。主节点把这个连接标记为从节点（\`CLIENT_SLAVE\`），追加到 \`server.slaves\`，并把 replstate 设为 \`WAIT_BGSAVE_START\`（6）：需要一份新的 RDB 快照。它声明的能力：${capaNames(n.capa)}（capa ${n.capa}）。`,
    "sync.backlogCreated": (n) =>
      `这是第一个从节点，而且还没有复制积压缓冲区（backlog），所以主节点生成新的随机复制 ID（\`${n.replid.slice(0, 8)}…\`）并创建 backlog。${n.v62 ? "自 6.2 起会为此打印日志：\"Replication backlog created, my new replication IDs are …\"。" : "Redis 4.0 不会为此打印日志。"}`,
    "sync.delay": (n) =>
      n.delay > 0
        ? `\`repl-diskless-sync\` 已开启，且 ${n.replica} 能读取无盘格式（capa eof），所以现在什么也不启动：主节点等待，让接下来 ${n.delay} 秒内到达的从节点共用一次传输。${n.v62 ? `当某个等待中的从节点空闲不少于 ${n.delay} 秒时，\`replicationStartPendingFork\`（在每次 \`replicationCron\` 末尾，或子进程被回收后立即）启动 BGSAVE。` : `当某个等待中的从节点空闲超过 ${n.delay} 秒时，\`replicationCron\` 才会启动 BGSAVE。`}`
        : `\`repl-diskless-sync\` 已开启，且 ${n.replica} 有 capa eof，所以 \`syncCommand\` 把启动交给 \`replicationCron\`。延迟为 0 时不打印 "Delay" 日志；BGSAVE 在 cron 下一次运行时（每秒一次）启动。`,
    "sync.startNow": (n) =>
      n.v62
        ? `当前没有子进程，而 ${n.replica} 没有交给 cron（无盘复制关闭、它没有 capa eof，或者——自 6.2 起——无盘延迟为 0）。所以 \`syncCommand\` 立即调用 \`startBgsaveForReplication(${n.capa})\`；开启无盘、有 capa eof 且延迟为 0 时，目标就是它的 socket。`
        : `当前没有子进程，而 ${n.replica} 不能等待无盘传输（无盘复制关闭，或它没有 capa eof）。所以 \`syncCommand\` 立即调用 \`startBgsaveForReplication(${n.capa})\`。在 4.0.14 中，这条直接调用路径只可能选择磁盘目标。`,
    "sync.aofActive": (n) =>
      `AOF 重写子进程正在运行，而 Redis 从不同时运行两个子进程。${n.replica} 的 BGSAVE 被推迟：${n.v62 ? "重写子进程被回收时由 `replicationStartPendingFork` 立即启动（自 6.2 起；任何子进程都会阻止它）。" : "重写结束后由 `replicationCron` 启动。"}`,
    "sync.socketInFlight": (n) =>
      `一个无盘（socket）BGSAVE 正在向其他从节点传输。${n.replica} 无法中途加入，只能停在 \`WAIT_BGSAVE_START\` 等待下一次 BGSAVE——${n.v62 ? "如果当前这次被回收时它已等满无盘延迟就立即启动，否则在之后某次 `replicationCron` 时启动（自 6.2 起）" : "当前这次一结束就会启动"}。`,
    "sync.attach": (n) =>
      `一个磁盘 BGSAVE 已在运行，${n.other} 正在等待它的文件。${n.replica} 的能力不少于 ${n.other}，所以可以搭车：复制 ${n.other} 的输出缓冲区（fork 之后的所有写入），使用同一个偏移量 ${n.offset}，并收到 \`+FULLRESYNC\`。两者将用同一个 \`dump.rdb\`。`,
    "sync.cantAttach": (n) =>
      n.reason === "capa"
        ? `一个磁盘 BGSAVE 正在运行，但 ${n.replica} 的能力比正在等待它的 ${n.other ?? "?"} 少，不能共用。它停在 \`WAIT_BGSAVE_START\`；这次结束后会立即为它启动新的 BGSAVE。`
        : `一个磁盘 BGSAVE 正在运行，但没有从节点在收集它 fork 之后的写入（例如用户执行了 \`BGSAVE\`）。${n.replica} 不能使用这个文件，等待下一次 BGSAVE。`,
    "sync.nomasterlink": (n) =>
      `本实例自己也是从节点，而它与自己主节点的连接断了，所以用 \`-NOMASTERLINK\` 拒绝 ${n.replica}。不打印日志；从节点每秒重试。`,
    "sync.pendingOutput": (n) =>
      `${n.replica} 还有未发送的回复，所以同步命令被拒绝：\`-ERR SYNC and PSYNC are invalid with pending output\`。`,

    "port.target": (n, { frame }) => {
      const d = frame.server.replDisklessSync ? 1 : 0;
      const m = n.mincapa;
      const where = n.socketTarget ? "直接写入各从节点的 socket（无盘）" : "先写到磁盘（`dump.rdb`），再作为文件发给每个从节点";
      return `决策：\`socket_target = repl_diskless_sync (${d}) && (mincapa (${m}) & SLAVE_CAPA_EOF (1))\` = ${n.socketTarget ? 1 : 0}。mincapa 是所有待服务从节点能力的按位与，只要有一个从节点没有 eof，所有从节点都只能走磁盘。RDB 将${where}。这行日志在任何尝试之前打印，所以即使随后 BGSAVE 失败也会出现。`;
    },
    "rsi.master": (n) =>
      `\`rdbPopulateSaveInfo\`：这是带复制积压缓冲区的主节点，RDB 记录复制流当前的数据库（${n.db}）。\`rsiptr = &rsi\`。`,
    "rsi.linked": (n) => `\`rdbPopulateSaveInfo\`：本实例是与自己主节点保持连接的从节点；RDB 记录该主节点的数据库（${n.db}）。`,
    "rsi.cached": (n) => `\`rdbPopulateSaveInfo\`：与自己主节点的连接断了，但保留了缓存的主节点（cached master），记录它的数据库（${n.db}）。`,
    "rsi.null": (n) =>
      n.master
        ? "`rdbPopulateSaveInfo` 返回 NULL：没有积压缓冲区的主节点。（真实主节点上不可达：任何 BGSAVE 之前 backlog 就已存在。）"
        : "`rdbPopulateSaveInfo` 返回 NULL：本实例是从节点，它与自己主节点的连接断开且没有被缓存，没有可写入 RDB 的复制信息。下级从节点加载这样的文件会丢失 `repl-stream-db`（issue #4316），所以不尝试 BGSAVE。",
    "port.noRsi": () => "`rsiptr` 为 NULL：函数打印 \"replication information not available… Try later.\" 并按失败处理（`retval = C_ERR`）。",
    "rdb.childActive": () => "已有子进程在运行，BGSAVE 启动函数不打日志直接返回 `C_ERR`。（4.0.14 中不可达：每个调用者都会先检查。）",
    "rdb.forkFailed": (n) => {
      const base = `\`fork()\` 失败：${n.errno}（${ERRNO_TEXT[n.errno] ?? "错误"}）。没有子进程，\`retval = C_ERR\`。`;
      return n.target === "socket"
        ? `${base}\`rdbSaveToSlavesSockets\` 在 fork 之前已经向 ${n.undone} 个从节点发出了 \`+FULLRESYNC\`。它只撤销状态变化——这些从节点回到 \`WAIT_BGSAVE_START\`，好让错误循环找到它们——但已经发到线路上的 \`+FULLRESYNC\` 收不回来。`
        : base;
    },
    "rdb.diskChild": (n) => `\`rdbSaveBackground\` fork 出子进程 ${n.pid}。子进程把数据集写入临时文件再改名为 \`dump.rdb\`；父进程同时继续服务客户端。`,
    "rdb.socketChild": (n) =>
      n.viaPipe
        ? `\`rdbSaveToSlavesSockets\` fork 出子进程 ${n.pid}。它把 \`$EOF:<40 位标记>\`、RDB 和同一个标记写进管道；主节点读取管道，把每一段写到 ${n.targets} 个从节点的 socket——不落盘（自 6.0 起，提交 5a4779460）。`
        : `\`rdbSaveToSlavesSockets\` fork 出子进程 ${n.pid}。它把 \`$EOF:<40 位标记>\`、RDB 和同一个标记同时直接写入 ${n.targets} 个从节点的 socket——不落盘。`,
    "port.failed": () =>
      "`retval == C_ERR`：函数打印 \"BGSAVE for replication failed\"，然后遍历 `server.slaves`。所有仍处于 `WAIT_BGSAVE_START` 的从节点——不只是触发这次调用的那个——都会被移除。",
    "port.dropped": (n) =>
      n.written
        ? `${n.replica} 被移除：它的 replstate 回到 \`REPL_STATE_NONE\`，清除 \`CLIENT_SLAVE\`，移出 \`server.slaves\`，在输出缓冲区排队 \`-ERR BGSAVE failed, replication can't continue\`，并设置 \`CLIENT_CLOSE_AFTER_REPLY\`。它重新成为普通客户端，这条回复会写到它的 socket 上，随后连接被关闭——而 4.0.14 让回复一直排队，从节点在 \`repl-timeout\` 之前只能听到沉默。`
        : `${n.replica} 被移除：清除 \`CLIENT_SLAVE\`，移出 \`server.slaves\`，在输出缓冲区排队 \`-ERR BGSAVE failed, replication can't continue\`，并设置 \`CLIENT_CLOSE_AFTER_REPLY\`。在 Redis 4.0.14 中这条回复永远不会发出：它的 replstate 仍是 6，而只有 replstate 为 0 或 ONLINE 的客户端才会被安排写出。从节点只能听到沉默，直到 \`repl-timeout\` 到期。Redis 5.0.5 修复了这个问题：排队错误之前先把 replstate 置为 \`REPL_STATE_NONE\`。`,
    "setup.fullresync": (n) =>
      `\`replicationSetupSlaveForFullResync\`：${n.replica} 进入 \`WAIT_BGSAVE_END\`（7），记住偏移量 ${n.offset}，并把 \`+FULLRESYNC <replid> ${n.offset}\` 直接写入它的 socket。此后新的写入会积累在它的输出缓冲区，直到 RDB 送达。`,
    "setup.oldSync": (n) =>
      `${n.replica} 用的是旧的 \`SYNC\`，所以没有 \`+FULLRESYNC\` 行。它以偏移量 ${n.offset} 进入 \`WAIT_BGSAVE_END\`（7），之后直接接收 RDB 数据。`,
    "port.scriptCacheFlush": () =>
      "BGSAVE 已启动，于是清空复制脚本缓存：新从节点可能不知道其他从节点已知的脚本，所以此后每个 `EVALSHA` 至少会以完整的 `EVAL` 发送一次。（这里的 `retval == C_OK` 判断总为真。）",

    "child.workDone": (n) =>
      n.kind === "rdb-disk"
        ? `子进程 ${n.pid} 写完了 \`dump.rdb\` 并退出（退出码 ${n.code}）。父进程在下一次 \`serverCron\`（每 100 毫秒）时发现。`
        : n.kind === "rdb-socket" && n.viaPipe
          ? `子进程 ${n.pid} 已把 RDB 和结束标记写进管道。主节点把最后一段转发给仍连接的每个从节点，读到管道结束（"Diskless rdb transfer, done reading from pipe"），再让子进程退出（退出码 ${n.code}）。`
          : n.kind === "rdb-socket"
          ? `子进程 ${n.pid} 已把 RDB 和结束标记写入每个从节点的 socket 并退出（退出码 ${n.code}）。从节点边收边加载。`
          : `AOF 重写子进程 ${n.pid} 完成工作并退出。`,
    "child.killed": (n) =>
      n.signal === 10
        ? `已经没有可以传输的从节点，主节点用 SIGUSR1 杀死子进程 ${n.pid}（"Diskless rdb transfer, last replica dropped, killing fork child."），并在下一次 \`serverCron\` 时回收它。`
        : n.viaPipe
          ? `子进程 ${n.pid} 被信号 ${n.signal}（SIGKILL）杀死。它那一端的管道关闭，主节点立刻读到管道结束（"Diskless rdb transfer, done reading from pipe"），在下一次 \`serverCron\` 时回收子进程。`
          : `子进程 ${n.pid} 被信号 ${n.signal}（SIGKILL）杀死。父进程在下一次 \`serverCron\` 时发现。`,
    "child.failed": (n) => `子进程 ${n.pid} 自身出错（例如磁盘已满），以退出码 1 退出。父进程在下一次 \`serverCron\` 时发现。`,
    "child.reaped": (n) =>
      n.byAck
        ? `一个仍在等待这个子进程的从节点发来了 \`REPLCONF ACK\`，于是主节点现在就回收它，而不等下一次 \`serverCron\`（自 6.2 起）：${n.ok ? "成功" : "失败"}。\`updateSlavesWaitingBgsave\` 推进每个等待它的从节点。`
        : n.ok
        ? `\`serverCron\` 用 \`wait3()\` 回收了${n.kind === "rdb-socket" ? "流式" : "磁盘"}子进程：成功。\`updateSlavesWaitingBgsave\` 推进每个等待它的从节点。`
        : `\`serverCron\` 回收了${n.kind === "rdb-socket" ? "流式" : "磁盘"}子进程：失败${n.signal ? `（被信号 ${n.signal} 杀死）` : ""}。等待它的从节点无法得到服务。`,
    "socket.closing": (n) => `流式子进程失败，正在接收它数据的 ${n.replica} 被关闭（"child->slave RDB transfer failed"）。它会发现连接断开并重试。`,
    "update.streamDone": (n) =>
      n.online
        ? `发往 ${n.replica} 的流已完成。在 7.0 中它现在就进入 \`ONLINE\` 并记为同步成功（\`replicaPutOnline\`）；只有命令流还要等待（\`repl_start_cmd_stream_on_ack\`）：fork 以来积累的写入在它第一次发送 \`REPLCONF ACK\` 后才开始发送。`
        : `发往 ${n.replica} 的流已完成。它进入 ONLINE，但设置了 \`repl_put_online_on_ack\`：fork 以来积累的写入要等它第一次发送 \`REPLCONF ACK\`（证明已加载 RDB）后才开始发送。`,
    "update.childError": (n) =>
      n.async
        ? `${n.socket ? "流式" : "磁盘"} BGSAVE 子进程失败，等待它的 ${n.replica} 被标记为待释放（"SYNC failed. BGSAVE child returned an error"）；连接在事件循环这一轮结束时才关闭，所以它的 "Connection … lost." 出现在随后打印的内容之后（自 6.0 起）。它会重新连接。`
        : `磁盘 BGSAVE 子进程失败，等待文件的 ${n.replica} 被释放（"SYNC failed. BGSAVE child returned an error"）。它会重新连接。`,
    "update.noFile": (n) => `BGSAVE 之后无法打开 \`dump.rdb\`，${n.replica} 被释放。`,
    "update.sendBulk": (n) =>
      `\`dump.rdb\`（${bytes(n.size)}）已就绪。${n.replica} 进入 \`SEND_BULK\`（8）：父进程在事件循环中先发送 \`$${n.size}\`，再以 16 KiB 为块发送文件。`,
    "update.startNext": (n) =>
      `还有从节点处于 \`WAIT_BGSAVE_START\`，所以 \`updateSlavesWaitingBgsave\` 立即以 mincapa = ${n.mincapa} 启动下一次 BGSAVE（4.0 在这条路径上没有无盘延迟）。`,
    "bulk.preamble": (n) => `\`sendBulkToSlave\` 向 ${n.replica} 写入 \`$${n.size}\`：从节点由此知道后面有多少字节的 RDB。`,
    online: (n) => `\`putSlaveOnline\`：${n.replica} 进入 \`ONLINE\`（9）。fork 以来积累在其输出缓冲区的写入开始发送。`,
    "ack.first": (n) =>
      n.streamOnly
        ? `${n.replica} 发送第一个 \`REPLCONF ACK ${n.offset}\`：它已加载流式 RDB，主节点开始向它发送命令流（\`replicaStartCommandStream\`；它此前已经上线）。`
        : `${n.replica} 发送第一个 \`REPLCONF ACK ${n.offset}\`：它已加载流式 RDB，主节点让它上线。`,

    "cron.check": (n) => {
      const who = `${n.waiting} 个从节点在 \`WAIT_BGSAVE_START\` 等待`;
      if (n.rule === ">=") {
        const fn = n.origin === "reaped" ? "子进程被回收后立即运行的 `replicationStartPendingFork`" : "`replicationCron` 末尾的 `replicationStartPendingFork`";
        if (!n.diskless) return `${fn}：${who}，无盘复制关闭，立即启动 BGSAVE（mincapa ${n.mincapa}）。`;
        return n.start
          ? `${fn}：${who}；最长空闲 ${n.maxIdle} 秒，不小于延迟 ${n.delay} 秒（6.2 用 >=），于是为它们全部调用 \`startBgsaveForReplication(${n.mincapa})\`。`
          : `${fn}：${who}；最长空闲 ${n.maxIdle} 秒，小于延迟 ${n.delay} 秒，继续等待更多从节点。`;
      }
      if (!n.diskless) return `\`replicationCron\`：${who}，无盘复制关闭，立即启动 BGSAVE（mincapa ${n.mincapa}）。`;
      return n.start
        ? `\`replicationCron\`：${who}；最长空闲 ${n.maxIdle} 秒，大于延迟 ${n.delay} 秒（4.0 用严格的 >），于是为它们全部调用 \`startBgsaveForReplication(${n.mincapa})\`。`
        : `\`replicationCron\`：${who}；最长空闲 ${n.maxIdle} 秒，不大于延迟 ${n.delay} 秒，继续等待更多从节点。`;
    },
    "upstream.refused": () =>
      "这个主节点自己也是从节点，它与自己的主节点的连接已断开，于是重新连接（`connectWithMaster`）。它的主节点已不在：连接被拒绝（\"Error condition on socket for SYNC: Connection refused\"），它在下一次 `replicationCron`（每秒一次）时再试。在此期间，请求它同步的从节点会收到 `-NOMASTERLINK`。",
    "cron.timedout": (n) => `${n.replica} 超过 \`repl-timeout\` 没有发送 \`REPLCONF ACK\`，主节点断开它。`,
    "cron.scriptCacheFlush": () => "没有从节点了且 AOF 关闭，清空复制脚本缓存。",
    evalsha: (n) =>
      n.sent === "EVAL"
        ? `\`EVALSHA ${n.sha.slice(0, 8)}…\`：该 SHA1 不在复制脚本缓存中（不能确定每个从节点都有这个脚本），所以以完整的 \`EVAL\` 传播，并记住该 SHA1。`
        : `\`EVALSHA ${n.sha.slice(0, 8)}…\`：已知每个从节点都有这个脚本，按原样传播 \`EVALSHA\`。`,
    "evalsha.noscript": (n) =>
      `\`EVALSHA ${n.sha.slice(0, 8)}…\`：主节点上没有加载 SHA1 为此值的脚本，所以客户端收到 \`-NOSCRIPT No matching script. Please use EVAL.\`，不向从节点传播任何内容。`,

    "aof.started": (n) => `\`BGREWRITEAOF\` fork 出子进程 ${n.pid}。它运行期间不能启动 BGSAVE。AOF 重写也会清空复制脚本缓存。`,
    "aof.scheduled": () => "有 RDB 子进程在运行，AOF 重写被安排到它结束之后。",
    "aof.alreadyRunning": () => "AOF 重写已在运行。",
    "aof.done": (n) => (n.ok ? "AOF 重写完成。下一次 `replicationCron` 可以启动被推迟的 BGSAVE。" : "AOF 重写失败。"),
    "aof.forkFailed": (n) => `AOF 重写无法 fork（${n.errno}）。`,

    "replica.timeout": (n) =>
      n.stage === "transfer"
        ? `${n.replica} 收到了 \`+FULLRESYNC\`，但超过 \`repl-timeout\` 没有收到数据："Timeout receiving bulk data from MASTER"。它关闭连接并将重试。`
        : `${n.replica} 超过 \`repl-timeout\` 什么也没收到——排队的 \`-ERR\` 从未送达——于是放弃："Timeout connecting to the MASTER..."。它关闭连接并将重试。`,
    "replica.reconnect": (n) =>
      n.atOnce
        ? `${n.replica} 立即再次连接（第 ${n.conn} 个连接）——自 6.2 起，同步失败后不等下一次 cron 就重连——重新请求全量同步。`
        : `${n.replica} 再次连接（第 ${n.conn} 个连接），重新请求全量同步。`,
    "replica.bulkCountEof": (n) =>
      `${n.replica} 已收到 \`+FULLRESYNC\`，正在等待 \`$<len>\` 或 \`$EOF:\` 行时，主节点关闭了连接："I/O error reading bulk count from MASTER"。它会重试。`,
    "replica.psyncRefused": (n) =>
      `${n.replica} 读到 \`${n.reply}\`，这是它的 PSYNC 的回复：从 5.0.5 起，这个错误会送达从节点。它以为主节点不支持 PSYNC，在同一连接上改用 SYNC 重试，发现连接已关闭，之后会重新连接。`,
    "replica.syncRefused": (n) => `${n.replica}（redis-cli）读到 \`${n.reply}\`，这是它的 SYNC 的回复；它打印 "SYNC with master failed" 并退出。`,
    "replica.gaveUp": (n) => `${n.replica} 是一个手工客户端，它把命令流水线式地一起发送；它读到错误回复后彻底放弃。`,
    "replica.tryLater": (n) => `${n.replica} 收到 \`-NOMASTERLINK\`；它认为这是暂时的，一秒后重试。`,

    "event.forkFails": (n) => `注入故障：下一次 \`fork()\` 将以 ${n.errno} 失败。`,
    "event.write": (n) =>
      `主节点上 ${n.count} 次写入；复制偏移量现在是 ${n.offset}。处于 \`WAIT_BGSAVE_END\` 或 \`SEND_BULK\` 的从节点把它们积累在输出缓冲区；处于 \`WAIT_BGSAVE_START\` 的什么也收不到（它们之后得到的 RDB 已包含这些写入）。`,
    "event.disconnect": (n) => `${n.replica} 关闭连接。`,
    "event.noChild": () => "没有子进程，无可杀。",
    "event.bgsaveRefused": () => "`BGSAVE` 被拒绝：已有子进程在运行。",
    "event.noUpstream": () => "本实例没有可断开的上游主节点连接。",
    "event.upstreamLost": (n) =>
      n.cached
        ? "与自己主节点的连接断开；主节点客户端被缓存，供以后部分重同步。"
        : "与自己主节点的连接因协议错误断开，主节点客户端没有被缓存：此后 `rdbPopulateSaveInfo` 将返回 NULL。",
    "event.configSet": (n) =>
      `CONFIG SET：repl-diskless-sync 现在为 ${n.diskless ? "yes" : "no"}，repl-diskless-sync-delay 为 ${String(n.delay)}。立即生效：下一次同步命令和下一次 replicationCron 都会使用新值。`,
    "event.replicaSet": (n) =>
      `${n.replica} 被重新配置：它的下一次连接将发送 ${n.command}，能力为 ${n.capa}。已经建立的连接保持原来声明的能力。`,
    "event.alreadyConnected": (n) => `${n.replica} 已经连接。`,
    "event.notConnected": (n) => `${n.replica} 未连接。`,
  },

  briefs: {
    "sync.accepted": (n) => `syncCommand：${n.replica} → WAIT_BGSAVE_START（${n.command}，capa ${n.capa}）`,
    "sync.backlogCreated": () => "syncCommand：第一个从节点 → 新 replid，创建 backlog",
    "sync.delay": (n) => `syncCommand：无盘，等待更多从节点（延迟 ${n.delay} 秒）`,
    "sync.startNow": (n) => `syncCommand → 立即 startBgsaveForReplication(${n.capa})`,
    "sync.aofActive": () => "syncCommand：AOF 重写中 → BGSAVE 推迟到 cron",
    "sync.socketInFlight": (n) => `syncCommand：socket BGSAVE 进行中 → ${n.replica} 等待`,
    "sync.attach": (n) => `syncCommand：${n.replica} 搭上 ${n.other} 的磁盘 BGSAVE`,
    "sync.cantAttach": (n) => `syncCommand：${n.replica} 无法搭车 → 等下一次 BGSAVE`,
    "sync.nomasterlink": () => "syncCommand：-NOMASTERLINK（上游连接断开）",
    "sync.pendingOutput": () => "syncCommand：有未发送输出，拒绝",
    "port.target": (n) => `目标：${n.socketTarget ? "slaves sockets" : "disk"}（mincapa ${n.mincapa}）`,
    "rsi.master": () => "rdbPopulateSaveInfo → &rsi（有 backlog 的主节点）",
    "rsi.linked": () => "rdbPopulateSaveInfo → &rsi（已连接的从节点）",
    "rsi.cached": () => "rdbPopulateSaveInfo → &rsi（缓存的主节点）",
    "rsi.null": () => "rdbPopulateSaveInfo → NULL",
    "port.noRsi": () => "没有复制信息 → C_ERR",
    "rdb.childActive": () => "已有子进程 → C_ERR",
    "rdb.forkFailed": (n) => `fork() 失败：${n.errno} → C_ERR`,
    "rdb.diskChild": (n) => `rdbSaveBackground：子进程 ${n.pid} 写 dump.rdb`,
    "rdb.socketChild": (n) => `rdbSaveToSlavesSockets：子进程 ${n.pid} ${n.viaPipe ? "经主节点" : ""}向 ${n.targets} 个 socket 传输`,
    "port.failed": () => "BGSAVE for replication failed → 移除所有 WAIT_BGSAVE_START 从节点",
    "port.dropped": (n) => (n.written ? `${n.replica} 被移除；-ERR 已排队，随后写出并关闭连接` : `${n.replica} 被移除；-ERR 已排队，4.0.14 中永不发送`),
    "setup.fullresync": (n) => `${n.replica} → WAIT_BGSAVE_END，+FULLRESYNC … ${n.offset}`,
    "setup.oldSync": (n) => `${n.replica} → WAIT_BGSAVE_END（旧 SYNC：无 +FULLRESYNC）`,
    "port.scriptCacheFlush": () => "replicationScriptCacheFlush()",
    "child.workDone": (n) => `子进程 ${n.pid} 完成（退出码 ${n.code}）`,
    "child.killed": (n) => `子进程 ${n.pid} 被杀（信号 ${n.signal}）`,
    "child.failed": (n) => `子进程 ${n.pid} 出错（退出码 1）`,
    "child.reaped": (n) => `${n.byAck ? "REPLCONF ACK" : "serverCron"}：回收子进程，${n.ok ? "成功" : "失败"}`,
    "socket.closing": (n) => `关闭 ${n.replica}：RDB 传输子进程中止`,
    "update.streamDone": (n) => `updateSlavesWaitingBgsave：${n.replica} ONLINE，等待 ACK`,
    "update.childError": (n) => `updateSlavesWaitingBgsave：${n.replica} 被释放（子进程出错）`,
    "update.noFile": (n) => `updateSlavesWaitingBgsave：${n.replica} 被释放（无文件）`,
    "update.sendBulk": (n) => `updateSlavesWaitingBgsave：${n.replica} → SEND_BULK`,
    "update.startNext": (n) => `updateSlavesWaitingBgsave → startBgsaveForReplication(${n.mincapa})`,
    "bulk.preamble": (n) => `sendBulkToSlave：$${n.size} → ${n.replica}`,
    online: (n) => `putSlaveOnline：${n.replica} ONLINE`,
    "ack.first": (n) => `${n.replica} 的 REPLCONF ACK → 上线`,
    "cron.check": (n) => {
      const fn = n.rule === ">=" ? "replicationStartPendingFork" : "replicationCron";
      const ops = n.rule === ">=" ? [">=", "<"] : [">", "≤"];
      return n.diskless
        ? `${fn}：空闲 ${n.maxIdle} 秒 ${n.start ? ops[0] : ops[1]} 延迟 ${n.delay} → ${n.start ? "启动" : "等待"}`
        : `${fn}：${n.waiting} 个等待，无盘关闭 → 启动`;
    },
    "cron.timedout": (n) => `replicationCron：${n.replica} 超时`,
    "upstream.refused": () => "重连它自己的主节点：被拒绝",
    "cron.scriptCacheFlush": () => "replicationCron：无从节点 → 清空脚本缓存",
    evalsha: (n) => `EVALSHA ${n.sha.slice(0, 8)}… 以 ${n.sent} 传播`,
    "evalsha.noscript": (n) => `EVALSHA ${n.sha.slice(0, 8)}… → -NOSCRIPT，不传播`,
    "aof.started": (n) => `BGREWRITEAOF：子进程 ${n.pid}`,
    "aof.scheduled": () => "AOF 重写已安排",
    "aof.alreadyRunning": () => "AOF 重写已在运行",
    "aof.done": (n) => `AOF 重写${n.ok ? "完成" : "失败"}`,
    "aof.forkFailed": () => "AOF 重写：fork 失败",
    "replica.timeout": (n) => `${n.replica}：repl-timeout，放弃`,
    "replica.reconnect": (n) => `${n.replica} 重新连接（#${n.conn}）`,
    "replica.tryLater": (n) => `${n.replica}：-NOMASTERLINK，稍后重试`,
    "replica.gaveUp": (n) => `${n.replica} 读到错误后放弃`,
    "replica.psyncRefused": (n) => `${n.replica}：收到 -ERR，重试`,
    "replica.syncRefused": (n) => `${n.replica}：收到 -ERR，退出`,
    "replica.bulkCountEof": (n) => `${n.replica}：在收到数据长度前连接被关闭`,
    "event.forkFails": (n) => `故障：下一次 fork() 失败（${n.errno}）`,
    "event.write": (n) => `${n.count} 次写入，偏移量 ${n.offset}`,
    "event.disconnect": (n) => `${n.replica} 断开`,
    "event.noChild": () => "没有可杀的子进程",
    "event.bgsaveRefused": () => "BGSAVE 被拒绝",
    "event.noUpstream": () => "没有上游连接",
    "event.upstreamLost": (n) => `上游连接断开（${n.cached ? "已缓存" : "未缓存"}）`,
    "event.configSet": (n) => `CONFIG SET 无盘 ${n.diskless ? "yes" : "no"}，延迟 ${String(n.delay)}`,
    "event.replicaSet": (n) => `${n.replica} 已重新配置（${n.command}，${n.capa}）`,
    "event.alreadyConnected": (n) => `${n.replica} 已连接`,
    "event.notConnected": (n) => `${n.replica} 未连接`,
  },

  lines: {
    21: "决定目标：只有开启无盘复制、并且每个等待的从节点都能读 `$EOF:` 格式时，才走 socket。",
    25: "打印所选目标——此时还什么都没尝试。",
    30: "向 `rdbPopulateSaveInfo` 获取 RDB 必须携带的复制信息（复制流的数据库）。",
    33: "没有复制信息就不尝试 BGSAVE。",
    34: "按第 21 行的决定分支。",
    35: "无盘：先设置等待的从节点（它们先收到 `+FULLRESYNC`），再 fork 子进程向它们的 socket 传输。",
    37: "磁盘：fork 子进程写 `dump.rdb`。",
    39: "没有复制信息：打印警告……",
    40: "……并失败。",
    47: "BGSAVE 是否启动失败？",
    48: "是：打印失败日志。",
    49: "遍历整个从节点链表……",
    50: "……一次一个节点（删除当前节点是安全的）。",
    51: "`slave` 是这个节点的客户端。",
    53: "只影响仍在等待 BGSAVE 启动的从节点。",
    54: "它不再是从节点……",
    55: "……并离开 `server.slaves`。",
    56: "排队 `-ERR BGSAVE failed, replication can't continue`——4.0.14 中永远不会发送（replstate 仍是 6）。",
    58: "回复写出后关闭连接——在 4.0.14 中这永远不会发生。",
    61: "返回 `C_ERR`；没有调用者检查它。",
    67: "磁盘目标：现在设置等待的从节点（socket 路径在 fork 前已经做过）。",
    68: "遍历从节点……",
    69: "……一次一个节点。",
    70: "`slave` 是这个节点的客户端。",
    72: "只有等待 BGSAVE 启动的从节点……",
    73: "……进入 `WAIT_BGSAVE_END` 并收到 `+FULLRESYNC <replid> <offset>`。",
    81: "清空复制脚本缓存（这里的判断总为真）。",
    82: "返回 `C_OK`。",
  },

  linesOn: {
    "5.0.5": {
      52: "5.0 新增：`replstate` 回到 `REPL_STATE_NONE`，于是下面排队的回复可以写出（提交 3b207b894）。",
      55: "排队 `-ERR BGSAVE failed, replication can't continue`——在 5.0.5 中它会写到从节点的 socket 上。",
      57: "回复写出后关闭连接——在 5.0.5 中确实会关闭。",
    },
    "6.2.14": {
      34: "无盘：先设置等待的从节点（它们先收到 `+FULLRESYNC`），再 fork 子进程把 RDB 写进管道，由主节点自己转发到它们的 socket（6.0，提交 5a4779460）。",
      47: "6.0 新增：开启 `rdb-del-sync-files`（默认 no）时，为复制启动的磁盘 BGSAVE……",
      48: "……会被记下，这样没有从节点需要时 cron 可以删除 `dump.rdb`（提交 5e2319c32）。",
      60: "`replstate` 回到 `REPL_STATE_NONE`（自 5.0 起），于是下面排队的回复可以写出。",
      63: "排队 `-ERR BGSAVE failed, replication can't continue`——和 5.0 起一样，会写到从节点的 socket 上。",
      65: "回复写出后关闭连接：在事件循环的同一轮里就会关闭。",
    },
    "7.0.15": {
      28: "决定目标：开启无盘复制，或从节点要求过滤的 RDB（`req`），并且每个等待的从节点都能读 `$EOF:` 格式时，走 socket（提交 1bf6d6f11）。",
      40: "按第 28 行的决定分支。",
      30: "7.0 新增：断言过滤的 RDB 走 socket——这里总是成立：实验里的从节点不要求过滤。",
      41: "无盘：设置 `req` 相同的等待从节点，再 fork 子进程把 RDB 写进管道，由主节点转发到它们的 socket。",
      43: "磁盘：fork 子进程写 `dump.rdb`（带 `req` 过滤，这里没有）。",
      54: "开启 `rdb-del-sync-files`（默认 no）时，为复制启动的磁盘 BGSAVE……",
      55: "……会被记下，这样没有从节点需要时 cron 可以删除 `dump.rdb`。",
      67: "`replstate` 回到 `REPL_STATE_NONE`（自 5.0 起），于是下面排队的回复可以写出。",
      70: "排队 `-ERR BGSAVE failed, replication can't continue`——和 5.0 起一样，会写到从节点的 socket 上。",
      72: "回复写出后关闭连接：在事件循环的同一轮里就会关闭。",
      87: "7.0 新增：要求不同过滤的从节点等待它自己的 BGSAVE……",
      88: "……所以在这里跳过（对实验里的从节点永远不会：它们的 `slave_req` 都是 0）。",
      89: "进入 `WAIT_BGSAVE_END` 并收到 `+FULLRESYNC <replid> <offset>`。",
      94: "返回 `C_OK`——不再有脚本缓存需要清空（提交 1b0968df4）。",
    },
  },

  unknownNote: (n) => {
    const { key, ...params } = n;
    const rest = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join("，");
    return `${key}${rest ? `（${rest}）` : ""}`;
  },

  ui: {
    atTime: (s) => `t = ${s} 秒`,
    line: (n) => `第 ${n} 行`,
    scenarioStart: "场景开始。单步前进，看看主节点会做什么。",
    nothingNew: "这一步没有可见的变化。",
    details: (n) => `模型细节（${n}）`,
    condition: (v) => (v ? "条件为真。" : "条件为假。"),
  },
  narration: {
    title: "讲解",
    predict: "预测",
    hint: "先猜一猜，再单步前进验证。播放会等你作答。",
    skip: "跳过此题",
    right: "答对了。",
    wrong: "不完全对。",
    answerIs: "答案是：",
    edited: "场景有沙盒修改时不显示讲解：讲解描述的是原始场景。撤销修改即可再次看到。",
  },
  panels: panelsZh,
  share: shareZh,
  page: pageZh,
} satisfies Dict;

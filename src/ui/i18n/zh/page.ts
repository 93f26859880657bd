/** 页面文字（简体中文），键与 en/page.ts 一一对应。Redis 的标识符（状态名、命令、函数名）保持原样。 */
import type { PageDict, PanelsDict } from "../en/page";

const SHOWN_ERRORS = 3;
const errorList = (errors: string[]) =>
  errors.slice(0, SHOWN_ERRORS).join("；") + (errors.length > SHOWN_ERRORS ? `（另有 ${errors.length - SHOWN_ERRORS} 处）` : "");

export const pageZh = {
  header: {
    subtitle: (v) => `Redis ${v} 主节点如何为复制启动 BGSAVE`,
    language: "语言（Language）",
    darkTheme: "深色主题",
    themeTitle: "在浅色和深色之间切换",
    shortcuts: "键盘快捷键",
    whatChanged: "各 Redis 版本的变化",
    more: "更多",
    moreTitle: "打开或保存场景文件、嵌入、导出、各 Redis 版本的变化、键盘快捷键",
  },
  notice: { dismiss: "关闭", dismissLabel: "关闭消息" },
  notices: {
    unknownScenario: (m) => `没有场景 "${m.id}"；已改为打开默认场景。`,
    fileInvalid: (m) => `无法打开这个场景文件：${errorList(m.errors)}`,
    editsDropped: (m) => `场景已打开，但它的沙盒修改无法使用：${errorList(m.errors)}`,
    editRefused: (m) => `无法做出这个修改：${errorList(m.errors)}`,
    editsIgnored: (m) => `沙盒修改无法使用，已被忽略：${errorList(m.errors)}`,
    runFailed: (m) => `模拟没能跑完这个场景（${m.message}）；屏幕上的内容保持不变。`,
    versionRefused: (m) => `这个场景无法在 Redis ${m.redis} 上运行：${m.message}。仍停留在原来的版本。`,
    frameLimit: (m) => `这次运行在实验室的 ${m.frames} 帧上限处停止（t = ${(m.t / 1000).toFixed(3)} 秒）：之后场景要求发生的事不会显示。减少事件或从节点即可完整运行。`,
  },
  computing: {
    running: (title: string) => `正在运行“${title}”…`,
    starting: "正在启动实验室…",
    progress: "模拟进度",
    cancel: "取消",
    cancelHint: "停止这次运行；屏幕上的内容保持不变（刚打开时会改为打开默认场景）。",
  },
  picker: { label: "场景" },
  controls: {
    region: "播放控制",
    first: "第一步",
    back: "后退一步",
    play: "播放",
    pause: "暂停",
    forward: "前进一步",
    last: "最后一步",
    speed: "速度",
    stepSize: "步进方式",
    step: "步进",
    event: "事件",
    line: "行",
    eventHint: "一次一件事",
    lineHint: "函数中执行的每一行",
    timeline: "时间轴",
    position: (p) => (p.unit === "step" ? `第 ${p.at} 步，共 ${p.of} 步` : `第 ${p.at} 帧，共 ${p.of} 帧`),
    timelineValue: (p, frame, frames, t) =>
      p.unit === "step" ? `第 ${p.at} 步，共 ${p.of} 步，第 ${frame} 帧，共 ${frames} 帧，t = ${t} 秒` : `第 ${frame} 帧，共 ${frames} 帧，t = ${t} 秒`,
    target: "BGSAVE 目标：",
    targetName: "BGSAVE 目标",
    targetDetail: { running: "子进程运行中", thisCall: "本次调用", lastCall: "上次调用", noCall: "尚未调用" },
  },
  markers: {
    legendTitle: "时间轴标记",
    bgsaveStart: "BGSAVE 开始",
    failure: "失败",
    online: "ONLINE",
    label: (m) =>
      m.kind === "bgsave-start"
        ? `BGSAVE 开始（${m.target === "disk" ? "磁盘" : "socket"}）`
        : m.kind === "failure"
          ? m.target === "bgsave"
            ? "BGSAVE 失败"
            : "子进程失败"
          : `${m.target} 进入 ONLINE`,
    more: (n, lastT) => `及其后 ${n} 个同类标记，直到 t = ${lastT} 秒`,
  },
  help: {
    title: "键盘快捷键",
    close: "关闭",
    lectureKeys: "讲课模式（翻页笔）",
    keys: {
      forward: "前进一步",
      back: "后退一步",
      play: "播放 / 暂停",
      first: "第一步",
      last: "最后一步",
      stepSize: "切换步进方式（事件 / 行）",
      help: "显示或隐藏本帮助",
      close: "关闭本帮助",
      clickerForward: "前进一步（翻页笔）",
      clickerBack: "后退一步（翻页笔）",
      blank: "黑屏 / 恢复显示",
      fullscreen: "全屏开 / 关",
    },
  },
  code: {
    title: "源代码",
    file: "replication.c，Redis",
    version: "Redis 版本",
    versionHint: "在另一个 Redis 版本上运行这个场景：代码、示意图、日志和线路都随之改变",
    versionNotModelled: (v) => `${v}（仅函数本身：见“各 Redis 版本的变化”）`,
    versionCannotRun: (v) => `${v}（无法运行这个场景）`,
    loadingText: (v) => `正在载入 Redis ${v} 的代码……`,
    listRunning: (n) => `startBgsaveForReplication，刚执行第 ${n} 行`,
    listIdle: "startBgsaveForReplication（未在运行）",
    nextLine: "（下一行）",
    annotation: "批注",
    locals: "局部变量",
    localsLast: (t) => `上次调用结束时的局部变量（t = ${t} 秒）`,
    localsNone: "局部变量（尚未调用）",
    outsideBefore: "不在",
    outsideAfter: "中：",
  },
  explanation: {
    title: "说明",
    onVersion: (v) => `在 Redis ${v} 上：`,
    notNarrated: (v, written) => `这个场景的讲解和问题是为 Redis ${written} 写的；在 ${v} 上运行时不显示它们。`,
  },
  log: { title: "服务器日志（主节点）", name: "服务器日志", empty: "还没有日志。" },
  replicas: {
    region: "从节点",
    title: "从节点：状态、线路、输出缓冲区、日志",
    heading: (id) => `从节点 ${id}`,
    connection: (n) => `第 ${n} 次连接`,
    capa: (c) => `capa ${c.length ? c.join(" ") : "无"}`,
    wire: "线路（已到达它的 socket）",
    nothingYet: "还没有",
    outputBuffer: "输出缓冲区（已排队，未发送）",
    empty: "空",
    neverDelivered: "在 Redis 4.0.14 中永远不会送达：replstate 仍是 6，所以这个客户端永远不会被安排写出。Redis 5.0.5 修复了这一点。",
    earlier: "之前的连接",
    earlierMore: (n) => `更早的 ${n} 个从略，之后是：`,
    dropped: (r) => `dropped（${r}）`,
    connectionClosed: "连接已关闭",
    neverSent: "从未发出：",
    notConnectedAt: (t) => `t = ${t} 秒时尚未连接。`,
    ownLog: "它自己的日志",
    statechart: "状态图",
    fresh: "新：",
    keepAlive: "（保活）",
    replstate: (n) => `replstate ${n}`,
    replstateLeft: (n) => `replstate 停在 ${n}`,
    subs: {
      waitingForAck: "等待第一个 ACK",
      streaming: "复制流传输中",
      "bgsave-failed": "BGSAVE 失败",
      "child-error": "RDB 子进程出错",
      "transfer-error": "传输出错",
      timeout: "超时",
      disconnected: "已断开",
    },
    notConnected: "未连接",
    counts: (w, q) => `线路 ${w} · 排队 ${q}`,
    hidden: (n) => `……中间还有 ${n} 条`,
    many: (n) => `${n} 个从节点，每个一行：展开即可查看它的线路、缓冲区、日志和状态图。`,
  },
  chart: {
    caption: (id) => `${id} 的状态图`,
    lastTransition: "上一次转换",
    on: "事件",
    noTransition: "还没有转换",
    notConnected: "未连接",
    states: {
      handshake: "已连接，还不是从节点（replstate 0，REPL_STATE_NONE）。",
      WAIT_BGSAVE_START: "replstate 6：需要新的 RDB；收不到复制流，只有保活换行。",
      WAIT_BGSAVE_END: "replstate 7：已发送 +FULLRESYNC；子进程正在生成 RDB；写入在累积。",
      SEND_BULK: "replstate 8（仅磁盘）：父进程以 16 KiB 为块发送 dump.rdb。",
      ONLINE: "replstate 9：RDB 已送达。",
      "ONLINE.waitingForAck": "无盘：已 ONLINE，但复制流要等第一个 REPLCONF ACK。",
      "ONLINE.streaming": "复制流正在传输。",
      dropped: "不再是这个主节点的从节点。",
    },
    edge: (from, to, event) => `${from} → ${to}，事件 ${event}`,
  },
  diagram: {
    region: "示意图",
    view: "视图",
    picture: "示意图",
    messages: "消息",
    legend: "图例",
    legendControl: "命令",
    legendDisk: "磁盘",
    legendSocket: "socket",
    legendError: "错误",
    scrollHint: "在示意图内横向滚动可以看到从节点。",
    title: "主节点、它 fork 出的子进程、dump.rdb 和各从节点的示意图",
    desc: (child, exists, replicas) => `子进程：${child}。dump.rdb ${exists ? "存在" : "不存在"}。${replicas}`,
    childDesc: (pid, kind, reaped) => `${pid} ${kind}${reaped ? "（已回收）" : ""}`,
    noChild: "无",
    fork: "fork()",
    primary: "主节点",
    primaryReplica: "主节点（也是从节点）",
    pid: (p) => ` pid ${p}`,
    backlog: (y) => `backlog ${y ? "有" : "无"}`,
    unixtime: "unixtime",
    scriptCache: (n, f, now) => `脚本缓存：${n} 个 SHA1 · 已清空 ×${f}${now ? " ← 现在" : ""}`,
    noScriptCache: "7.0 中没有脚本缓存",
    decision: "决策",
    decisionWhen: { live: "（本次调用）", last: "（上次调用）", never: "（尚未调用）" },
    branchDisk: "磁盘：rdbSaveBackground",
    branchSocket: "socket：rdbSaveToSlavesSockets",
    branchError: "出错：丢弃等待的从节点",
    childTitle: "子进程",
    childNone: "fork 出的子进程",
    childKind: { "rdb-disk": "RDB → 磁盘", "rdb-socket": "RDB → socket", aof: "AOF 重写" },
    childUser: "（用户 BGSAVE）",
    childStatus: { reapedKilled: "被杀死，已回收", reaped: "已退出，已回收", exited: "已退出，未回收", running: "运行中" },
    rdbOnDisk: (size) => `磁盘上 ${size}`,
    rdbMissing: "磁盘上没有",
    rdbWriting: " · 正在写入",
    rdbWrittenBy: (pid) => (pid !== null ? `由 pid ${pid} 写入` : "由更早的保存写入"),
    replicaNotConnected: "（未连接）",
    conn: (n) => ` · 第 ${n} 次连接`,
    receivedNothing: "什么也没收到",
    errQueued: "-ERR 已排队，未发送",
    grouped: (n) => `${n} 个从节点：每种状态一个框。“从节点”面板列出每一个。`,
    groupCount: (n) => `${n} 个从节点`,
    groupMore: (n) => `另 ${n} 个`,
    groupWaitingAck: (n) => `${n} 个等待首个 ACK`,
    groupErrQueued: (n) => `-ERR 已排队未发送：${n} 个`,
    fault: {
      forkFailed: "fork() 失败",
      errno: (e) => `errno ${e}`,
      noChild: "· 没有子进程",
      forkReturned: "fork() → -1 · C_ERR",
      forkReturnedAof: "fork() → -1",
      forkTitle: (e, by) =>
        `fork() 以 ${e}（${e === "EAGAIN" ? "资源暂时不可用" : "无法分配内存"}）失败：没有创建子进程。` +
        (by === "disk"
          ? "rdbSaveBackground 返回 C_ERR，startBgsaveForReplication 走错误路径。"
          : by === "socket"
            ? "rdbSaveToSlavesSockets 把已设置好的从节点放回 WAIT_BGSAVE_START 并返回 C_ERR；startBgsaveForReplication 走错误路径。"
            : by === "user"
              ? "用户的 BGSAVE 没有开始。"
              : "AOF 重写没有开始。"),
      forkDesc: (e) => `无，fork() 以 ${e} 失败`,
      killed: (signal) => `被信号 ${signal} 杀死`,
      exited: (code) => `以退出码 ${code} 退出`,
      childTitle: (f) =>
        (f.kind === "signal" ? `子进程被信号 ${f.signal}${f.signal === 9 ? "（SIGKILL）" : ""}杀死` : `子进程以退出码 ${f.code} 退出`) +
        "：它的 RDB 不完整。serverCron 下一次运行时回收它，等待它的从节点随之失败。",
      childDesc: (f) => (f.kind === "signal" ? `，被信号 ${f.signal} 杀死` : `，以退出码 ${f.code} 退出`),
      upstream: (s) => (s === "linked" ? "与主节点的连接正常" : s === "cached" ? "与主节点的连接已断开 · 已缓存" : "与主节点的连接已断开 · 未缓存"),
      upstreamTitle: (s) =>
        s === "linked"
          ? "这台服务器从它自己的主节点复制，连接正常。"
          : s === "cached"
            ? "与它的主节点的连接已断开，但主节点已缓存：rdbPopulateSaveInfo 仍能取得复制信息。"
            : "与它的主节点的连接已断开，且没有缓存：rdbPopulateSaveInfo 返回 NULL，无法为复制启动 BGSAVE。",
      upstreamDesc: (s) => (s === "linked" ? "" : s === "cached" ? "它与主节点的连接已断开，主节点已缓存。" : "它与主节点的连接已断开，没有缓存的主节点。"),
      timeoutIn: (s) => `${s} 秒后 repl-timeout`,
      noTimeout: "无超时（SYNC 客户端）",
      timeoutTitle: (id, lastio, replTimeout, at, left) =>
        `没有任何数据会到达 ${id}：它的 -ERR 永远不会发出，而且它已不在 server.slaves 中，收不到保活换行。` +
        `它自己的 cron 在距上次收到数据（第 ${lastio} 秒）超过 repl-timeout（${replTimeout} 秒）时放弃：在 ${at} 秒，即 ${left} 秒后。`,
      noTimeoutTitle: (id) => `${id} 是旧式 SYNC 客户端（如 redis-cli --slave）：它没有超时，会一直在沉默中等待。`,
      timeoutDesc: (s) => `（${s} 秒后 repl-timeout）`,
      noTimeoutDesc: "（无超时）",
      delayIn: (s) => `延迟：${s} 秒后 BGSAVE`,
      delayNow: "延迟已过：立即 BGSAVE",
      delayTitle: (maxIdle, delay, at, left) =>
        `replicationCron 每秒检查一次：等待最久的从节点空闲超过 repl-diskless-sync-delay（${delay} 秒）时启动 BGSAVE。` +
        `现在空闲 ${maxIdle} 秒，所以在 ${at} 秒，即 ${left} 秒后。`,
      delayDesc: (s) => `（无盘延迟：${s} 秒后 BGSAVE）`,
    },
  },
  link: {
    part: {
      primary: "示意图：主节点",
      scriptCache: "示意图：脚本缓存",
      decision: "示意图：决策",
      branch: { disk: "示意图：磁盘分支", socket: "示意图：socket 分支", error: "示意图：出错分支" },
      child: "示意图：fork 出的子进程",
      rdbFile: "示意图：dump.rdb",
      replica: (id) => `示意图：从节点 ${id}`,
      group: (n, state) => `示意图：${n} 个 ${state} 的从节点`,
    },
    piece: {
      primary: "主节点",
      scriptCache: "脚本缓存",
      decision: "决策",
      branch: { disk: "磁盘分支", socket: "socket 分支", error: "出错分支" },
      child: "fork 出的子进程",
      rdbFile: "dump.rdb",
      fork: "fork() 连线",
      write: "子进程写 dump.rdb 的连线",
      replica: (id) => `从节点 ${id}`,
      pipe: {
        control: (id) => `通往 ${id} 的命令管道`,
        socket: (id) => `通往 ${id} 的 socket 管道`,
        disk: (id) => `通往 ${id} 的磁盘管道`,
        error: (id) => `通往 ${id} 的出错管道`,
      },
    },
    stepLit: (line) => `被第 ${line} 行（刚执行的一行）点亮。`,
    partLinks: (lines, log, wire) => `关联${lines ? `代码第 ${lines} 行` : "不到代码行"}、${log} 行服务器日志和 ${wire} 条线路记录。`,
    lineLights: (parts) => (parts ? `在示意图中点亮：${parts}。` : "在示意图中不点亮任何部分。"),
    keys: "上下方向键：其他部分。Esc：取消点亮。",
  },
  cause: (c) => {
    switch (c.type) {
      case "start":
        return "场景开始";
      case "event": {
        const e = c.event;
        switch (e.type) {
          case "connect":
            return `${e.replica} 连接并发送同步命令`;
          case "disconnect":
            return `${e.replica} 断开连接`;
          case "fork-fails":
            return `故障：下一次 fork() 失败（${e.errno ?? "EAGAIN"}）`;
          case "kill-child":
            return e.mode === "exit-error" ? "故障：子进程出错退出" : "故障：子进程被杀死（SIGKILL）";
          case "aof-rewrite":
            return "BGREWRITEAOF";
          case "bgsave":
            return "用户执行 BGSAVE";
          case "upstream-lost":
            return "本实例与自己的主节点的连接断开";
          case "write":
            return `主节点上 ${e.count ?? 1} 次写入`;
          case "evalsha":
            return `EVALSHA ${e.sha.slice(0, 8)}…`;
          case "config-set":
            return "主节点执行 CONFIG SET";
          case "replica-set":
            return `${e.replica} 被重新配置（下次连接生效）`;
        }
        return "事件";
      }
      case "serverCron":
        return "serverCron（每 100 毫秒）";
      case "replicationCron":
        return "replicationCron（每秒）";
      case "childDone":
        return `子进程 ${c.pid}（${c.kind}）完成工作`;
      case "bulk":
        return `sendBulkToSlave → ${c.replica}`;
      case "replica":
        return `从节点 ${c.replica}：它自己的定时任务`;
    }
  },
  lecture: {
    button: "讲课",
    buttonTitle: "讲课模式、全屏和演讲者窗口",
  },
  publish: {
    embed: "嵌入",
  },
} satisfies PageDict;

/** 场景选择与工具按钮（工具本身的文字见 tools.ts）。 */
export const panelsZh = {
  picker: {
    groups: { happy: "正常路径", batching: "合并与等待", failures: "失败", other: "其他" },
    finishedCount: (d, t) => `已完成 ${d}/${t}`,
    editedBadge: (n) => `${n} 处沙盒修改`,
    editedTitle: "这是你修改过的场景分支；打开沙盒可以查看或撤销修改。",
    customScenario: "你的场景文件",
    unfinished: { skipped: (n) => `跳过 ${n} 题`, unanswered: (n) => `${n} 题未答`, notAtEnd: "未到结尾" },
    withNote: (title, note) => `${title}（${note}）`,
  },
  buttons: { sandbox: "沙盒", probe: "假如" },
} satisfies PanelsDict;

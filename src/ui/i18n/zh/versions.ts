/** “版本变化”视图的中文（src/ui/versions）。代码、日志文本和提交标题是 Redis 的原文，不翻译。 */
import type { VersionsDict } from "../en/versions";

export const versionsZh: VersionsDict = {
  menuItem: "各 Redis 版本的变化",
  title: "startBgsaveForReplication 的变化",
  intro:
    "本实验讲解的是 Redis 4.0.14 的这个函数。这里把它和实验收录的下一个版本并排放在一起，列出每一处改动、背后的提交，以及它对从节点意味着什么。页面运行的是 4.0.14；5.0.5 目前可在命令行运行（npm run trace -- --redis 5.0.5）。",
  pair: "版本",
  pairOption: (from, to) => `${from} → ${to}`,
  table: (from, to) => `Redis ${from} 与 ${to} 的 startBgsaveForReplication 并排对照`,
  older: (v) => `Redis ${v}`,
  newer: (v) => `Redis ${v}`,
  line: "行",
  removed: "只在旧版本中",
  added: "只在新版本中",
  changed: "有改动",
  kind: { behaviour: "行为", log: "日志文本", comment: "注释", annotation: "本实验的批注" },
  hunk: (n, of) => `第 ${n} 处改动（共 ${of} 处）`,
  commits: "提交",
  noCommit: "不在 Redis 中：这是本实验对所讲代码的批注。",
  callees: "函数所调用代码的变化",
  source: (first, last) => `src/replication.c 第 ${first}–${last} 行`,
  compare: {
    title: (t) => `本场景从此刻起（t = ${t} 秒）在两个版本上的运行`,
    intro: "每次运行接下来发生的事：主节点和从节点的日志，以及到达各个套接字的内容（Redis 原文）。",
    computing: (v) => `正在用 Redis ${v} 运行本场景…`,
    failed: (why) => `无法计算这次运行：${why}`,
    notModelled: (v) => `Redis ${v} 在这里只收录了这个函数：它周围的服务器行为尚未建模，因此还不能运行场景。`,
    scripts: (v) => `本场景发送 EVALSHA；Redis ${v} 改为复制脚本的效果，本实验没有对此建模，因此它只在 4.0.14 上运行。`,
    run: (v) => `Redis ${v} 上的运行`,
    at: (t) => `t = ${t} 秒`,
    wire: (key) => `→ ${key}`,
    nothing: "之后不再发生任何事。",
  },
  loading: "正在载入代码…",
  failed: (why) => `无法载入代码：${why}`,
  close: "关闭",
};

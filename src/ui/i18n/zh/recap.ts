/** 场景结尾回顾的文字（简体中文），键与 en/recap.ts 一一对应。 */
import type { RecapDict } from "../en/recap";

const target = (child: "rdb-disk" | "rdb-socket" | "aof") => (child === "rdb-socket" ? "socket" : "磁盘");
const count = (n: number) => `${n} 道题`;

export const recapZh = {
  title: "回顾",
  happened: "发生了什么",
  answers: "你的回答",
  noQuestions: "这个场景没有提问。",
  question: (n) => `第 ${n} 题`,
  results: { right: "✓ 答对了", wrong: "✕ 不完全对", skipped: "已跳过", unanswered: "未作答" },
  goTo: (n) => `转到第 ${n} 题`,
  finished: "✓ 已完成：你走到了结尾，并回答了所有问题。",
  finishedBefore: "✓ 你之前已经完成过这个场景。",
  facts: {
    child: (f, c) => {
      const outcome = { ok: "成功", failed: "失败", killed: "被杀死", running: "结束时仍在运行" }[f.outcome];
      if (f.child === "aof") return `${c.secs(f.t)} 秒 — AOF 重写（子进程 ${f.pid}）：${outcome}。`;
      const what = `${f.origin === "user" ? "用户发起的 BGSAVE" : "BGSAVE"}（目标：${target(f.child)}，子进程 ${f.pid}）`;
      return `${c.secs(f.t)} 秒 — ${what}${f.replicas.length ? `为 ${c.list(f.replicas)} 生成 RDB` : ""}：${outcome}。`;
    },
    callFailed: (f, c) => {
      const why =
        f.cause === "fork"
          ? `${f.target ? `目标为${f.target === "socket" ? " socket " : "磁盘"}的 ` : ""}BGSAVE 没能启动：fork() 失败${f.errno ? `（${f.errno}）` : ""}`
          : f.cause === "noRsi"
            ? "没有执行 BGSAVE：没有可写入 RDB 的复制信息"
            : "没有执行 BGSAVE：已有子进程在运行";
      return `${c.secs(f.t)} 秒 — ${why}。${f.dropped.length ? `被断开：${c.list(f.dropped)}。` : ""}`;
    },
    more: (f) => `……另有 ${f.count} 项。`,
    online: (f, c) => `结束时处于 ONLINE：${c.list(f.replicas)}。`,
    resynced: (f, c) => `先被断开，后来通过新连接重新同步：${f.replicas.map((r) => `${r.id}（${c.reason(r.reason)}）`).join("、")}。`,
    dropped: (f, c) => `被断开，到结束时也没有回来：${f.replicas.map((r) => `${r.id}（${c.reason(r.reason)}）`).join("、")}。`,
    waiting: (f) => `结束时仍在同步：${f.replicas.map((r) => `${r.id}（${r.state}）`).join("、")}。`,
    end: (f, c) =>
      f.endedBy === "quiescent"
        ? `运行在 ${c.secs(f.t)} 秒结束，之后不会再发生什么。`
        : f.endedBy === "frame-limit"
          ? `运行在 ${c.secs(f.t)} 秒到达实验室的帧数上限，在场景结束之前停止。`
          : `运行到达时间上限 ${c.secs(f.t)} 秒后停止。`,
  },
  reasons: {
    custom: () => "这是你自己的场景文件：只有目录中的场景会记录进度。",
    edited: () => "这是你的沙盒分支，不计入进度。撤销修改后才能完成原场景。",
    notAtEnd: () => "走到最后一步才算完成。",
    loading: () => "问题还在加载中。",
    skipped: (r) => `跳过了 ${count(r.questions.length)} — 回答后即可完成。`,
    unanswered: (r) => `还有 ${count(r.questions.length)}没有回答 — 回答后即可完成。`,
  },
  next: (title) => `下一个场景：${title}`,
  firstUnfinished: (title) => `第一个未完成的场景：${title}`,
  backToFirst: (title) => `回到第一个场景：${title}`,
  list: (shown, more) => `${shown.join("、")}${more ? ` 以及另外 ${more} 个` : ""}`,
} satisfies RecapDict;

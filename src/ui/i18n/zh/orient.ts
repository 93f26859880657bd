/** “从这里开始”卡片与术语表的简体中文文字（与 en/orient.ts 的键一一对应）。 */
import type { OrientDict } from "../en/orient";

export const orientZh = {
  startHere: {
    title: "从这里开始",
    intro: (redis: string) => `一步一步看懂 Redis ${redis} 的一个函数：startBgsaveForReplication。`,
    steps: {
      resync: {
        title: "什么是全量同步",
        text: "从节点无法从断开处继续时，会向主节点索要全部数据。主节点 fork 出一个子进程，把所有数据写成 RDB 快照：要么写到磁盘（dump.rdb，再作为文件发送），要么直接写进各从节点的 socket（无盘复制）。",
      },
      panels: {
        title: "每个面板显示什么",
        items: {
          picture: "示意图：主节点、它的子进程、dump.rdb、磁盘还是 socket 的决策，以及每个从节点。",
          explanation: "说明：刚才发生了什么，用文字讲清楚，不时还有一道题。",
          code: "代码：函数的每一行，刚执行的那一行会高亮。",
          log: "服务器日志：主节点写下的日志行。",
          replicas: "从节点：每个从节点的状态、已到达其 socket 的内容，以及排队未发送的内容。",
        },
        terms: "带虚线的词可以查看解释：把鼠标移上去、轻点它，或用 Tab 键选中它。",
      },
      step: {
        title: "单步前进，先答题",
        text: "按 →（或“前进一步”按钮）前进一步，← 后退。出现题目时，先作答，再让实验展示实际发生的事：先猜一猜，才记得牢。",
      },
    },
    start: "开始",
    close: "关闭",
    again: "在帮助（?）里可以再次打开这张卡片。",
  },
  show: "再次显示“从这里开始”卡片",
  glossary: {
    mincapa: "mincapa：所有待服务从节点共同具备的能力（按位与）；只要有一个从节点不支持 EOF，所有从节点都走磁盘。",
    capaEof: "capa eof（SLAVE_CAPA_EOF = 1）：从节点能解析流式的 $EOF:<mark> 格式，因此可以接收无盘传输的 RDB。",
    capaPsync2: "capa psync2（SLAVE_CAPA_PSYNC2 = 2）：从节点能理解 PSYNC2 的 +CONTINUE <replid>；它与选择磁盘还是 socket 无关。",
    replstate: "replstate：主节点记录从节点进度的编号：6 WAIT_BGSAVE_START，7 WAIT_BGSAVE_END，8 SEND_BULK（仅磁盘），9 ONLINE；发送 SYNC 之前为 0。",
    replstate0: "replstate 0（REPL_STATE_NONE）：尚未发送 SYNC 或 PSYNC 的普通客户端；它的回复照常写出。",
    replstate6: "replstate 6（SLAVE_STATE_WAIT_BGSAVE_START）：需要一份新的 RDB，但还没有子进程为它生成；它收不到复制流。",
    replstate7: "replstate 7（SLAVE_STATE_WAIT_BGSAVE_END）：子进程正在为它生成 RDB；fork 之后的写命令积压在它的输出缓冲区里，尚未发送。",
    replstate8: "replstate 8（SLAVE_STATE_SEND_BULK）：仅限磁盘目标——主节点正以 16 KiB 为一块把 dump.rdb 发给它。",
    replstate9: "replstate 9（SLAVE_STATE_ONLINE）：RDB 已送达，复制流开始流动（无盘传输后，要等它的第一个 REPLCONF ACK）。",
    psync: "PSYNC <replid> <offset>：从节点请求从某个偏移量继续；PSYNC ? -1 表示索要全部数据，即全量同步。",
    sync: "SYNC：PSYNC 之前的旧命令；这样的客户端（CLIENT_PRE_PSYNC）收不到 +FULLRESYNC 这一行，只会收到 RDB。",
    fullresync: "+FULLRESYNC <replid> <offset>：主节点开始全量同步的回复；从节点载入 RDB 后，从这个偏移量继续。",
    rdb: "RDB：Redis 二进制格式的整库快照，可以是 dump.rdb 文件，也可以是一段流；从节点载入它来从头开始。",
    bgsave: "BGSAVE：后台保存——主节点 fork 出一个子进程写 RDB，父进程继续为客户端服务。",
    diskless: "无盘复制（repl-diskless-sync yes，默认关闭）：子进程把 RDB 直接写进各从节点的 socket，而不是写 dump.rdb。",
    replTimeout: "repl-timeout（默认 60 秒）：复制连接允许沉默多久，超过后一方就放弃；在 4.0.14 中，因 BGSAVE 失败而被丢弃的从节点要等这么久。",
  },
} satisfies OrientDict;

/** 关于所教代码中批注的简体中文文字（与 en/annotations.ts 的键对应）。中文读者直接读批注本身，所以没有译文。 */
import type { AnnotationsDict } from "../en/annotations";

export const annotationsZh = {
  about: "这条注释是随文档附带的批注，不是 Redis 源码的一部分。",
  rendering: "英文：",
  renderings: null,
  wrong: "有误：",
  flags: {
    46: "在 4.0.14 中，这些从节点被移除，但既没有收到通知，也没有被断开。`-ERR` 回复留在输出缓冲区里，永远不会写出，因为 `replstate` 仍是 6（5.0.5 修复）；`CLIENT_CLOSE_AFTER_REPLY` 要等它写出才起作用：从节点什么也收不到，直到它自己的 `repl-timeout` 到期。",
    66: "它误解了上面的英文注释。这里并不选择磁盘（目标在第 21 行已定）：socket 目标下，`rdbSaveToSlavesSockets()` 在 fork 之前已为等待的从节点做好全量同步的准备（`+FULLRESYNC`）；磁盘目标下，由下面的循环现在来做。",
  },
} satisfies AnnotationsDict;

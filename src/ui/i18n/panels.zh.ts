/** 场景选择与工具按钮的简体中文文字（与 panels.en.ts 的键一一对应）。 */
import type { PanelsDict } from "./panels.types";

export const panelsZh: PanelsDict = {
  picker: {
    groups: { happy: "正常路径", batching: "合并与等待", failures: "失败", other: "其他" },
    finishedCount: (d, t) => `已完成 ${d}/${t}`,
    editedBadge: (n) => `${n} 处沙盒修改`,
    editedTitle: "这是你修改过的场景分支；打开沙盒可以查看或撤销修改。",
    customScenario: "你的场景文件",
  },
  buttons: { sandbox: "沙盒", probe: "假如" },
};

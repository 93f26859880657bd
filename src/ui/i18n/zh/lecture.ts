/** 讲课模式与演讲者窗口的简体中文文字（与 en/lecture.ts 的键一一对应）。 */
import type { LectureDict } from "../en/lecture";

export const lectureZh = {
  menu: {
    menuLabel: "讲课",
    mode: "讲课模式",
    modeHint: "为投影仪准备的大字号、高对比度；次要面板会隐藏。",
    fullscreen: "全屏",
    blank: "黑屏",
    blankHint: "按 B 或 .（句点）；再按一次恢复",
    speaker: "打开演讲者窗口",
    speakerHint: "在第二个窗口中显示每一步的讲稿，与本窗口同步。",
    speakerBlocked: "浏览器拦截了演讲者窗口。请允许本页弹出窗口后重试。",
    keysHint: "翻页笔：Page Down / Page Up 单步，B 或 . 黑屏，F 切换全屏。",
    blanked: "屏幕已黑屏。按 B 或 .（句点）恢复显示。",
  },
  speaker: {
    title: "演讲者备注",
    position: (s, n, t) => `第 ${s} 帧，共 ${n} 帧 · t = ${t} 秒`,
    now: "现在",
    narration: "讲解",
    narrationEarlier: (f) => `（第 ${f} 帧时讲过）`,
    predict: "向全班提问",
    answer: "答案",
    next: "下一步",
    nextAt: (f, t) => `第 ${f} 帧，t = ${t} 秒`,
    atEnd: "这是场景的最后一帧。",
    nextNarration: (f) => `下一段讲解（第 ${f} 帧）`,
    nothingMore: "这个场景没有更多讲解了。",
    blankAudience: "让听众屏幕黑屏",
    keys: "← → 或 Page Up / Page Down 单步；B 让听众屏幕黑屏。",
  },
} satisfies LectureDict;

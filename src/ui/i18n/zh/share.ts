/** 分享相关文字（简体中文），键与 en/share.ts 一一对应。 */
import type { ShareDict } from "../en/share";

const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

const sec = (ms: number) => `${(ms / 1000).toFixed(3)} 秒`;

export const shareZh = {
  questionsFalse: (problems) =>
    `场景已打开，但其中${problems.length === 1 ? "有一道题" : "有几道题"}与轨迹不符：` +
    problems
      .map((p) =>
        p.kind === "unanchored"
          ? `steps[${p.step}]：该步骤的锚点不对应任何帧`
          : p.kind === "premise"
            ? `steps[${p.step}]：提问时所在帧（第 ${p.frame + 1} 帧，t = ${sec(p.t)}）上前提不成立`
            : p.kind === "answer"
              ? `steps[${p.step}]：揭晓时（第 ${p.frame + 1} 帧，t = ${sec(p.t)}）正确答案的断言不成立`
              : `steps[${p.step}]：选项 ${p.choice} 被标为错误，但揭晓时（第 ${p.frame + 1} 帧，t = ${sec(p.t)}）它的断言成立`,
      )
      .join("；") +
    "。",
  copyLink: "复制链接",
  copyLinkTitle: "复制指向此刻的链接：场景、沙盒修改、帧、步进方式、语言和已打开的面板",
  linkCopied: "链接已复制：打开它会回到这个场景的这一步，并带上你的修改。",
  copyByHand: "浏览器不允许页面自动复制。请选中下面的链接并手动复制。",
  copyDialogTitle: "复制此链接",
  close: "关闭",
  linkTooLong: (chars, limit) => `这个链接有 ${chars} 个字符，超出了链接能承载的长度（${limit}）。请用“保存场景”并分享文件。`,
  badLink: (reason) => `无法打开这个链接：${reason}。现在显示的是默认场景。`,
  noScenario: "这个链接没有指明场景，所以实验室打开了第一个场景。",
  framePastEnd: (frame, count) => `链接要求第 ${frame} 帧，但这个场景只有 ${count} 帧；显示的是最后一帧。`,
  problems: {
    "too-long": (d) => `链接太长（${d} 个字符；最多读取 ${64 * 1024} 个）`,
    "not-base64": () => "链接中含有实验室链接不会出现的字符（可能被改动或截断）",
    damaged: () => "链接数据已损坏或被截断（是否完整复制了链接？）",
    "too-big": (d) => `解压后的数据超过 ${kib(Number(d))}`,
    "not-json": (d) => `数据不是有效的 JSON${d ? `（${d}）` : ""}`,
    "forbidden-key": (d) => `含有被禁止的键 "${d}"`,
    markup: (d) => `${d} 处的文字像 HTML 或脚本，场景中不会有这样的内容`,
    "not-a-link": () => "数据不是实验室链接",
    "newer-version": (d) => `它由更新版本的实验室生成（链接版本 ${d}）`,
    "unknown-version": (d) => `未知的链接版本 ${d}`,
    shape: (d) => `有字段不正确：${d}`,
    "unknown-scenario": (d) => `目录中没有场景 "${d}"`,
    scenario: (d) => `其中的场景无效：${d}`,
    edits: (d) => `其中的沙盒修改无法应用：${d}`,
    version: (d) => `它要求的 Redis 版本无法运行这个场景：${d}`,
    "not-kept": (d) =>
      d === "damaged"
        ? "它的场景太大，链接装不下；本浏览器保存的副本已损坏，请重新打开场景文件"
        : "它的场景太大，链接装不下，因此只保存在生成链接的那个浏览器里；请向对方要场景文件（“保存场景”）",
  },

  openFile: "打开场景文件",
  openFileTitle: "打开场景 JSON 文件（也可以把文件拖到页面上）",
  saveFile: "保存场景",
  saveFileTitle: "把这个场景（含沙盒修改）下载为 JSON 文件",
  dropHere: "把场景文件（.json）放到这里即可打开",
  fileErrorsTitle: (name) => `无法打开 "${name}"`,
  fileErrorsIntro: "没有做任何改动：当前场景仍然打开。问题如下：",
  fileTooBig: (bytes, limit) => `文件大小为 ${kib(bytes)}；场景文件最大 ${kib(limit)}。`,
  fileUnreadable: "无法把文件读成 UTF-8 文本。",
  fileMarkup: (path) => `${path}：看起来像 HTML 或脚本；场景文字只能是纯文本（代码放在反引号里）。`,
  oneFileOnly: "一次只能拖入一个场景文件；已使用第一个。",
  opened: (title, name) => `已从 ${name} 打开“${title}”。链接现在携带整个场景。`,
  openedKept: (title, name, stored) =>
    stored
      ? `已从 ${name} 打开“${title}”。它太大，链接装不下，所以由本浏览器保存：重新加载会恢复它，但链接只在本浏览器中有效。要分享它，请用“保存场景”并发送文件。`
      : `已从 ${name} 打开“${title}”。它太大，链接装不下，而本浏览器的存储已满，重新加载后将无法恢复。请用“保存场景”保存它。`,
  linkCopiedHere: "链接已复制。这个场景太大，链接装不下，由本浏览器保存，所以链接只在这里能打开；要分享它，请用“保存场景”并发送文件。",
  saved: (name) => `已保存 ${name}。`,
} satisfies ShareDict;

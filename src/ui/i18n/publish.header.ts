/**
 * The header's Embed and Export buttons, in both languages. They are on the first screen, so only
 * these few words ship with it; the dialogs' and menus' words (publish.en.ts, publish.zh.ts) load
 * with them.
 */
import type { Lang } from "../../store/types";

export interface PublishHeaderDict {
  embed: string;
  embedTitle: string;
  export: string;
  exportTitle: string;
}

export const PUBLISH_HEADER: Record<Lang, PublishHeaderDict> = {
  en: {
    embed: "Embed",
    embedTitle: "Embed a range of frames of this scenario in slides or a blog post",
    export: "Export",
    exportTitle: "Download the diagram, the trace or a walkthrough",
  },
  zh: {
    embed: "嵌入",
    embedTitle: "把这个场景的一段帧嵌入幻灯片或博客文章",
    export: "导出",
    exportTitle: "下载示意图、执行轨迹或分步讲解",
  },
};

/**
 * The statechart's drawn size (viewBox units), known before its code loads: the card keeps the
 * room for it while the chart (and the layout it computes from the machine) is on its way, so
 * nothing moves when it arrives. chartSize.test.ts checks it against the computed layout.
 */
export const CHART_SIZE = { width: 217, height: 190 } as const;

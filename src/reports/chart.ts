/**
 * The weekly summary's chart: the on-time share per channel over the last weeks, as a PNG, drawn by
 * Chart.js on @napi-rs/canvas (no hand-drawn pixels). Pure apart from the native canvas: data in,
 * bytes out.
 *
 * Fonts: @napi-rs/canvas uses the system's fonts (DejaVu Sans here). On a machine without any, the
 * lines, points and grid are still drawn but the labels are not; the alt text carries every figure,
 * so the summary stays complete. `chartFontsAvailable()` tells which case applies.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import { channelLabel } from './labels.js';
import { formatShare, weekShort, type Language } from './format.js';
import type { OnTimeSeries } from './model.js';

Chart.register(...registerables);

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

/** Colour-blind-safe palette (Okabe–Ito). */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw: (chart) => {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export function chartFontsAvailable(): boolean {
  return GlobalFonts.families.length > 0;
}

function fontFamily(): string {
  return GlobalFonts.has('DejaVu Sans') ? 'DejaVu Sans' : 'sans-serif';
}

const TEXT = {
  sv: {
    title: (from: string, to: string) => `Andel besvarade i tid per kanal, ${from}–${to}`,
    alt: (from: string, to: string) => `Linjediagram: andel frågor besvarade i tid per kanal, vecka för vecka, ${from} till ${to}.`,
    none: 'Inga frågor under perioden.',
  },
  en: {
    title: (from: string, to: string) => `Share answered on time per channel, ${from}–${to}`,
    alt: (from: string, to: string) => `Line chart: share of questions answered on time per channel, week by week, ${from} to ${to}.`,
    none: 'No questions in the period.',
  },
} satisfies Record<Language, unknown>;

/** What the chart shows, in words: every figure, for screen readers and clients without images. */
export function chartAltText(series: OnTimeSeries, lang: Language): string {
  const t = TEXT[lang];
  const from = weekShort(series.weeks[0] ?? '', lang);
  const to = weekShort(series.weeks[series.weeks.length - 1] ?? '', lang);
  const lines = series.channels.map((c) => `${channelLabel(c.channel, lang)}: ${c.shares.map((s) => formatShare(s, lang)).join(', ')}.`);
  return [t.alt(from, to), ...(lines.length ? lines : [t.none])].join(' ');
}

export async function renderOnTimeChart(series: OnTimeSeries, lang: Language): Promise<{ png: Uint8Array; alt: string }> {
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const family = fontFamily();
  const labels = series.weeks.map((w) => weekShort(w, lang));
  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: {
      labels,
      datasets: series.channels.map((c, k) => ({
        label: channelLabel(c.channel, lang),
        data: c.shares.map((s) => (s === null ? null : Math.round(s * 1000) / 10)),
        borderColor: COLOURS[k % COLOURS.length],
        backgroundColor: COLOURS[k % COLOURS.length],
        borderWidth: 3,
        pointRadius: 4,
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      font: { family },
      plugins: {
        title: { display: true, text: TEXT[lang].title(labels[0] ?? '', labels[labels.length - 1] ?? ''), font: { family, size: 18 } },
        legend: { position: 'bottom', labels: { font: { family, size: 14 } } },
      },
      scales: {
        y: { min: 0, max: 100, ticks: { callback: (v) => (lang === 'sv' ? `${v} %` : `${v}%`), font: { family } } },
        x: { ticks: { font: { family } } },
      },
    },
    plugins: [whiteBackground],
  };
  // Chart.js takes any 2D context; @napi-rs/canvas's is close enough to the DOM's for it
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
  try {
    const png = await canvas.encode('png');
    return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), alt: chartAltText(series, lang) };
  } finally {
    chart.destroy();
  }
}

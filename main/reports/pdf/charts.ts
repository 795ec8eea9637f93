// Vector charts drawn with PDF path operators (no raster images): horizontal bars with 95% interval whiskers and
// KPI tiles. Axis labels are text, so pdftotext and screen readers see the numbers.
import type { RateStat } from '../../../shared/report/report-schema';
import { COLORS, contentWidth, ensureSpace, MARGIN, type Doc } from './layout';

export interface Bar {
  label: string;
  stat: RateStat;
}

/** Rates as bars on a shared axis, each with its Wilson interval as a whisker. */
export function rateBars(doc: Doc, title: string, bars: Bar[]): void {
  const rowH = 18;
  const labelW = 150;
  const valueW = 120;
  const height = 24 + bars.length * rowH + 16;
  ensureSpace(doc, height);
  const top = doc.y;
  const plotX = MARGIN + labelW;
  const plotW = contentWidth(doc) - labelW - valueW;
  const max = Math.max(0.01, ...bars.map((b) => b.stat.ci95?.[1] ?? b.stat.rate ?? 0));
  const axisMax = niceMax(max);
  const scale = (v: number) => plotX + (v / axisMax) * plotW;
  doc.font('bold').fontSize(9).fillColor(COLORS.text).text(title, MARGIN, top, { width: contentWidth(doc) });
  let y = top + 18;
  for (const b of bars) {
    doc.font('regular').fontSize(8.5).fillColor(COLORS.text).text(b.label, MARGIN, y + 3, { width: labelW - 8, ellipsis: true, height: rowH });
    if (b.stat.rate !== null) {
      doc.rect(plotX, y + 3, Math.max(0.5, scale(b.stat.rate) - plotX), rowH - 8).fill(COLORS.accent);
      if (b.stat.ci95) {
        const [lo, hi] = b.stat.ci95;
        const cy = y + rowH / 2 + 1;
        doc.moveTo(scale(lo), cy).lineTo(scale(hi), cy).moveTo(scale(lo), cy - 3).lineTo(scale(lo), cy + 3)
          .moveTo(scale(hi), cy - 3).lineTo(scale(hi), cy + 3).lineWidth(0.8).strokeColor(COLORS.text).stroke();
      }
    }
    const value = b.stat.rate === null ? 'n/a' : `${(b.stat.rate * 100).toFixed(2)}% (${b.stat.count}/${b.stat.of})`;
    doc.fillColor(COLORS.text).text(value, plotX + plotW + 6, y + 3, { width: valueW - 6 });
    y += rowH;
  }
  doc.moveTo(plotX, y + 2).lineTo(plotX + plotW, y + 2).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  for (const t of [0, 0.5, 1]) {
    doc.font('regular').fontSize(7).fillColor(COLORS.muted).text(`${(axisMax * t * 100).toFixed(1)}%`, scale(axisMax * t) - 15, y + 4, { width: 30, align: 'center' });
  }
  doc.y = y + 18;
  doc.font('regular').fontSize(9.5).fillColor(COLORS.text);
}

function niceMax(x: number): number {
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
  return steps.find((s) => s >= x) ?? 1;
}

export interface Kpi {
  label: string;
  value: string;
  sub?: string;
}

/** A row of KPI tiles. */
export function kpiTiles(doc: Doc, kpis: Kpi[]): void {
  const gap = 8;
  const w = (contentWidth(doc) - gap * (kpis.length - 1)) / kpis.length;
  const h = 52;
  ensureSpace(doc, h + 8);
  const y = doc.y;
  kpis.forEach((k, i) => {
    const x = MARGIN + i * (w + gap);
    doc.roundedRect(x, y, w, h, 4).lineWidth(0.7).strokeColor(COLORS.rule).stroke();
    doc.font('regular').fontSize(7.5).fillColor(COLORS.muted).text(k.label, x + 6, y + 6, { width: w - 12 });
    doc.font('bold').fontSize(14).fillColor(COLORS.text).text(k.value, x + 6, y + 19, { width: w - 12 });
    if (k.sub) doc.font('regular').fontSize(6.5).fillColor(COLORS.muted).text(k.sub, x + 6, y + 38, { width: w - 12 });
  });
  doc.y = y + h + 10;
  doc.font('regular').fontSize(9.5).fillColor(COLORS.text);
}

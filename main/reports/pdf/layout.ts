// Small layout helpers over pdfkit: headings, paragraphs, key-value rows and tables that break across pages.
// Text is drawn as text (never interpreted), so record content in evidence cannot inject PDF structure.
import { fileURLToPath } from 'node:url';
import type PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

/** Fonts ship beside this module (and beside the Electron bundle): DejaVu, Bitstream Vera licence. */
const fontsDir = fileURLToPath(new URL('./fonts/', import.meta.url));
export const FONTS = {
  regular: `${fontsDir}DejaVuSans.ttf`,
  bold: `${fontsDir}DejaVuSans-Bold.ttf`,
  mono: `${fontsDir}DejaVuSansMono.ttf`,
};

export const MARGIN = 50;
export const COLORS = { text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9', accent: '#2f5aa8', pass: '#2f855a', attention: '#b7791f', fail: '#c53030', no_data: '#7b8794' } as const;

export function registerFonts(doc: Doc): void {
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  doc.font('regular');
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - 2 * MARGIN;
}

/** Starts a new page when fewer than `needed` points remain. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - MARGIN - 20) doc.addPage();
}

export function heading(doc: Doc, text: string, level: 1 | 2 = 1): void {
  ensureSpace(doc, level === 1 ? 60 : 40);
  doc.moveDown(level === 1 ? 0.8 : 0.5);
  doc.font('bold').fontSize(level === 1 ? 16 : 12).fillColor(COLORS.accent).text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font('regular').fontSize(9.5).fillColor(COLORS.text);
}

export function paragraph(doc: Doc, text: string, options: { color?: string; size?: number; font?: 'regular' | 'bold' | 'mono' } = {}): void {
  doc.font(options.font ?? 'regular').fontSize(options.size ?? 9.5).fillColor(options.color ?? COLORS.text)
    .text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font('regular').fontSize(9.5).fillColor(COLORS.text);
}

export function keyValues(doc: Doc, rows: [string, string][], options: { mono?: boolean; keyWidth?: number } = {}): void {
  const keyWidth = options.keyWidth ?? 150;
  const width = contentWidth(doc) - keyWidth;
  for (const [k, v] of rows) {
    doc.font(options.mono ? 'mono' : 'regular').fontSize(options.mono ? 8 : 9.5);
    const h = Math.max(doc.heightOfString(v, { width }), 12);
    ensureSpace(doc, h + 4);
    const y = doc.y;
    doc.font('bold').fontSize(9).fillColor(COLORS.muted).text(k, MARGIN, y, { width: keyWidth - 8 });
    doc.font(options.mono ? 'mono' : 'regular').fontSize(options.mono ? 8 : 9.5).fillColor(COLORS.text).text(v, MARGIN + keyWidth, y, { width });
    doc.y = y + h + 3;
  }
  doc.font('regular').fontSize(9.5);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table with a header row, repeated after page breaks; widths are fractions of the content width. */
export function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'bold' : 'regular').fontSize(8.5);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 6;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = MARGIN;
    if (header) doc.rect(MARGIN, y, total, h).fill('#eef2f7');
    cells.forEach((c, i) => {
      doc.fillColor(header ? COLORS.muted : COLORS.text).text(c, x + 3, y + 3, { width: widths[i]! - 6, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + total, y + h).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.y = y + h;
  };
  drawRow(columns.map((c) => c.header), true);
  for (const r of rows) {
    if (doc.y + 20 > doc.page.height - MARGIN - 20) {
      doc.addPage();
      drawRow(columns.map((c) => c.header), true);
    }
    drawRow(r, false);
  }
  doc.moveDown(0.5).font('regular').fontSize(9.5).fillColor(COLORS.text);
}

export function noData(doc: Doc, note: string | null): void {
  paragraph(doc, `No data: ${note ?? 'nothing recorded for this section.'}`, { color: COLORS.no_data });
}

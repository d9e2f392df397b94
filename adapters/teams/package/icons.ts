/**
 * The app's two icons, drawn at package time (no binary files in the repository): the color icon
 * 192×192 on the accent color, and the outline icon 32×32, white on transparent, as Teams requires.
 * The motif is a clock face with a check mark: an answer in time.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

const ACCENT = '#1F5F8B';

function clockWithCheck(ctx: SKRSContext2D, size: number, stroke: string, line: number): void {
  const c = size / 2;
  ctx.strokeStyle = stroke;
  ctx.lineWidth = line;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.arc(c, c, size * 0.36, 0, Math.PI * 2);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(size * 0.33, size * 0.52);
  ctx.lineTo(size * 0.46, size * 0.64);
  ctx.lineTo(size * 0.68, size * 0.38);
  ctx.stroke();
}

export function colorIcon(): Buffer {
  const canvas = createCanvas(192, 192);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ACCENT;
  ctx.fillRect(0, 0, 192, 192);
  clockWithCheck(ctx, 192, '#FFFFFF', 14);
  return canvas.toBuffer('image/png');
}

export function outlineIcon(): Buffer {
  const canvas = createCanvas(32, 32);
  clockWithCheck(canvas.getContext('2d'), 32, '#FFFFFF', 2.5);
  return canvas.toBuffer('image/png');
}

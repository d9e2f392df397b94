import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
Chart.register(...registerables);
const c = createCanvas(800, 400);
const chart = new Chart(c.getContext('2d') as any, { type: 'line', data: { labels: ['v.40','v.41'], datasets: [{ label: 'Facebook', data: [80, 95] }] }, options: { animation: false, responsive: false, plugins: { title: { display: true, text: 'Andel besvarade i tid' } } } });
const png = await c.encode('png');
console.log(png.length);
import('node:fs').then(f => f.writeFileSync('scratch/c.png', png));
chart.destroy();

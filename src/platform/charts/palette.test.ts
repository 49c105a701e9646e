/**
 * The series colours (./model.ts): readable as graphics on white (WCAG 1.4.11: 3:1) and apart from each
 * other for normal vision and for the three colour-vision deficiencies, simulated with the matrices of
 * Machado, Oliveira and Fernandes (2009, severity 1), compared as CIE L*a*b* distances.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { palette } from './model.js';

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linearRgb = (hex: string) =>
  [1, 3, 5].map((i) => toLinear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
const luminance = (rgb: number[]) => 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;

const simulations: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function lab(rgb: number[]): [number, number, number] {
  const [r, g, b] = rgb.map((c) => Math.min(1, Math.max(0, c))) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

test('every series colour has at least 3:1 contrast on white', () => {
  for (const c of palette) assert.ok(1.05 / (luminance(linearRgb(c)) + 0.05) >= 3, c);
});

test('every two series colours stay apart, also for protanopia, deuteranopia and tritanopia', () => {
  for (const [name, m] of Object.entries(simulations)) {
    const seen = palette.map((c) => {
      const rgb = linearRgb(c);
      return lab(m.map((row) => row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!));
    });
    for (let i = 0; i < seen.length; i++)
      for (let j = i + 1; j < seen.length; j++) {
        const d = Math.hypot(...seen[i]!.map((v, k) => v - seen[j]![k]!));
        assert.ok(d >= 15, `${name}: ${palette[i]} and ${palette[j]} are only ${d.toFixed(1)} apart`);
      }
  }
});

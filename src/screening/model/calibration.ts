// Platt scaling: p = sigmoid(a * logit + b), fitted by Newton's method on held-out (dev) scores,
// with Platt's smoothed targets so a perfectly separated dev set does not push a to infinity.

export interface Platt {
  a: number;
  b: number;
}

export function fitPlatt(logits: ArrayLike<number>, labels: ArrayLike<number>): Platt {
  const n = logits.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += labels[i]!;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return { a: 1, b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  let loss = lossOf(logits, labels, a, b, hi, lo);
  for (let iter = 0; iter < 100; iter++) {
    // gradient and Hessian of the log loss in (a, b)
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < n; i++) {
      const z = logits[i]!;
      const t = labels[i]! ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // backtracking keeps every step an improvement
    let step = 1;
    let next = lossOf(logits, labels, a - da, b - db, hi, lo);
    while (next > loss && step > 1e-6) {
      step /= 2;
      next = lossOf(logits, labels, a - step * da, b - step * db, hi, lo);
    }
    if (next > loss) break;
    a -= step * da;
    b -= step * db;
    const done = loss - next < 1e-12;
    loss = next;
    if (done) break;
  }
  return { a, b };
}

function lossOf(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  a: number,
  b: number,
  hi: number,
  lo: number,
): number {
  let s = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = a * logits[i]! + b;
    const t = labels[i]! ? hi : lo;
    // log(1 + e^z) - t z, written to stay finite for large |z|
    s += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
  }
  return s;
}

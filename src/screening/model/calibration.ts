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

/**
 * Stacked calibration: p = sigmoid(b + sum_k w[k] * x[k]) over several raw scores (every label's
 * logit), fitted like Platt's (smoothed targets, Newton steps with backtracking) with an L2 penalty
 * `ridge` on w, so one label's score can use what the other labels' models saw.
 */
export function fitStack(
  xs: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  ridge = 1,
): { w: number[]; b: number } {
  const n = xs.length;
  const d = n > 0 ? xs[0]!.length : 0;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += labels[i]!;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return { w: new Array(d).fill(0), b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  // parameters: w[0..d), then b
  const m = d + 1;
  let theta = new Array<number>(m).fill(0);
  const loss = (th: number[]) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let z = th[d]!;
      for (let k = 0; k < d; k++) z += th[k]! * xs[i]![k]!;
      const t = labels[i]! ? hi : lo;
      s += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
    }
    for (let k = 0; k < d; k++) s += 0.5 * ridge * th[k]! * th[k]!;
    return s;
  };
  let cur = loss(theta);
  for (let iter = 0; iter < 100; iter++) {
    const g = new Array<number>(m).fill(0);
    const H = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      let z = theta[d]!;
      for (let k = 0; k < d; k++) z += theta[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = p - (labels[i]! ? hi : lo);
      const w = p * (1 - p);
      for (let a = 0; a < m; a++) {
        const xa = a < d ? x[a]! : 1;
        g[a] = g[a]! + r * xa;
        for (let c = 0; c <= a; c++) H[a]![c] = H[a]![c]! + w * xa * (c < d ? x[c]! : 1);
      }
    }
    for (let a = 0; a < m; a++) {
      for (let c = 0; c < a; c++) H[c]![a] = H[a]![c]!;
      if (a < d) {
        g[a] = g[a]! + ridge * theta[a]!;
        H[a]![a] = H[a]![a]! + ridge;
      }
      H[a]![a] = H[a]![a]! + 1e-9;
    }
    const step = solve(H, g);
    if (!step) break;
    let t = 1;
    let next = theta.map((v, k) => v - step[k]!);
    let nextLoss = loss(next);
    while (nextLoss > cur && t > 1e-6) {
      t /= 2;
      next = theta.map((v, k) => v - t * step[k]!);
      nextLoss = loss(next);
    }
    if (nextLoss > cur) break;
    const done = cur - nextLoss < 1e-10;
    theta = next;
    cur = nextLoss;
    if (done) break;
  }
  return { w: theta.slice(0, d), b: theta[d]! };
}

/** Solves A x = y by Gaussian elimination with partial pivoting (A is small); null if singular. */
function solve(A: number[][], y: number[]): number[] | null {
  const m = y.length;
  const M = A.map((row, i) => [...row, y[i]!]);
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (!(Math.abs(M[p]![c]!) > 1e-12)) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < m; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= m; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  const x = new Array<number>(m).fill(0);
  for (let r = m - 1; r >= 0; r--) {
    let s = M[r]![m]!;
    for (let k = r + 1; k < m; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

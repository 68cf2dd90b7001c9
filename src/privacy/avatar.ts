// A generated avatar: a symmetric 5×5 identicon drawn from the author hash. No third-party
// request, so readers' browsers do not tell an avatar service who reads what.
import { createHash } from 'node:crypto';

export function avatarSvg(authorHash: string): string {
  const bytes = createHash('sha256').update(authorHash).digest();
  const hue = Math.round((bytes[0]! / 255) * 360);
  const fg = `hsl(${hue} 55% 48%)`;
  const bg = `hsl(${hue} 60% 93%)`;
  const cells: string[] = [];
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if ((bytes[1 + y * 3 + x]! & 1) === 0) continue;
      cells.push(`<rect x="${x + 1}" y="${y + 1}" width="1" height="1"/>`);
      if (x < 2) cells.push(`<rect x="${5 - x}" y="${y + 1}" width="1" height="1"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 7 7" width="64" height="64" shape-rendering="crispEdges"><rect width="7" height="7" fill="${bg}"/><g fill="${fg}">${cells.join('')}</g></svg>`;
}

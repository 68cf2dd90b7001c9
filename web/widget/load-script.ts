// Adds a <script> from Parley's origin (embed-live.js, a language file): no CORS involved, and
// a host page's CSP that lets embed.js run lets these run too.
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = reject;
    document.head.appendChild(s);
  });
}

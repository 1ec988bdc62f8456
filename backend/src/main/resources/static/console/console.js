// The console's own script: every change htmx sends carries the page's CSRF token, and a
// response that asks for a full page (the session ended) gets one. Nothing else runs here:
// pages are rendered on the server.
document.addEventListener('htmx:configRequest', (event) => {
  const header = document.querySelector('meta[name="csrf-header"]')?.content;
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  if (header && token && event.detail.verb !== 'get') event.detail.headers[header] = token;
});

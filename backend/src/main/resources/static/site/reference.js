// The API reference: Swagger UI over the contract this service serves, every asset from the
// service itself (the page's Content-Security-Policy allows nothing else).
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({
    url: "/api/v1/openapi.yaml",
    dom_id: "#reference",
    deepLinking: true,
    // Swagger UI would otherwise fetch a validity badge from validator.swagger.io.
    validatorUrl: null,
    // "Try it out" talks to the service that serves this page, whatever the contract's servers say.
    requestInterceptor: (request) => {
      const url = new URL(request.url, window.location.href);
      if (url.origin !== window.location.origin && url.pathname.startsWith("/api/")) {
        request.url = window.location.origin + url.pathname + url.search;
      }
      return request;
    },
  });
});

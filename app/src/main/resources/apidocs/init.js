// The reference reads the document this instance serves; no other origin is contacted.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: new URL("../openapi?format=JSON", window.location.href).toString(),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null
  });
};

// Renders every math element from the TeX it carries. Each element holds exactly the TeX
// the lesson parser kept, so nothing on the page is scanned for delimiters.
(function () {
  "use strict";
  function renderAll() {
    if (typeof katex === "undefined") { return; }
    var elements = document.querySelectorAll(".math");
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains("display"),
        throwOnError: false
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();

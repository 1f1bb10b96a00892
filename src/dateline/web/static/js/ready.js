// Marks the moment a page's data is on screen: `data-ready` on <html> and a performance mark
// "data-ready" (read by the browser tests and by dateline.bench.web). A page whose data is
// drawn by a script (the story view) says so with data-draws on <body> and calls
// dateline.ready() itself; every other page is ready when its HTML is.
(function () {
  "use strict";
  var done = false;
  function ready() {
    if (done) return;
    done = true;
    // after the next frame is painted, not merely laid out
    requestAnimationFrame(function () {
      setTimeout(function () {
        performance.mark("data-ready");
        document.documentElement.setAttribute("data-ready", "1");
      }, 0);
    });
  }
  window.dateline = { ready: ready };
  function config() {
    var block = document.getElementById("ui-config");
    return block ? JSON.parse(block.textContent) : {};
  }
  window.dateline.config = config;
  if (!document.querySelector("[data-draws]")) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
    else ready();
  }
})();

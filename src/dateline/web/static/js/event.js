// The event page: bring the trigger's sentence into view and let a field's row flash its marks.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  // scroll the article's own box, never the page, so the fields stay in view
  function bringIntoView(mark, smooth) {
    var top = mark.offsetTop - text.clientHeight / 2;
    text.scrollTo({ top: Math.max(0, top), behavior: smooth ? "smooth" : "auto" });
  }
  var trigger = document.getElementById("ev-trigger");
  if (trigger && text) bringIntoView(trigger, false);
  document.querySelectorAll("table.fields a.swatch").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var field = link.getAttribute("href").replace("#ev-", "");
      var marks = document.querySelectorAll("#article-text mark.f-" + field);
      if (!marks.length) return;
      event.preventDefault();
      bringIntoView(marks[0], true);
      marks.forEach(function (mark) {
        mark.classList.remove("flash");
        void mark.offsetWidth; // restart the animation
        mark.classList.add("flash");
      });
    });
  });
})();

/* Palimpsest keyboard shortcuts. The site works without this file; it only adds keys:
   j or n: next change, k or p: previous change (on a diff page, either view),
   ] : next diff or version, [ : previous one (follows the page's rel=next/prev links).
   It reads nothing but the page's own structure and never builds markup from text. */
(function () {
  "use strict";
  var current = -1;

  function changes() {
    return Array.prototype.filter.call(
      document.querySelectorAll(".sides .row, .inline-text .para"),
      function (row) {
        return !row.classList.contains("same") && !row.classList.contains("head");
      });
  }

  function show(row) {
    var fold = row.closest("details");
    if (fold && !fold.open) {
      fold.open = true;
    }
    var previous = document.querySelector(".sides .row.current, .inline-text .para.current");
    if (previous) {
      previous.classList.remove("current");
    }
    row.classList.add("current");
    row.setAttribute("tabindex", "-1");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
  }

  function step(delta) {
    var rows = changes();
    if (rows.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(rows.length - 1, current + delta));
    show(rows[current]);
  }

  function follow(rel) {
    var link = document.querySelector("nav.pager a[rel=" + rel + "]");
    if (link) {
      window.location.href = link.href;
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    switch (event.key) {
      case "j": case "n": step(1); break;
      case "k": case "p": step(-1); break;
      case "]": follow("next"); break;
      case "[": follow("prev"); break;
      default: return;
    }
    event.preventDefault();
  });

  var hint = document.getElementById("keys");
  if (hint) {
    hint.hidden = false;
  }
})();

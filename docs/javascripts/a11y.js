// Keyboard and screen-reader fixes to what the theme and the notebook pages add at run time:
// - a block that scrolls sideways (a wide table, a long code line) gets a tab stop, so the
//   arrow keys can scroll it;
// - the toolbar Material puts on each code block (its copy button) is not announced as one
//   more unnamed navigation landmark.
function a11yFixes() {
  document.querySelectorAll(".md-code__nav").forEach(function (nav) {
    nav.setAttribute("role", "none");
  });
  document
    .querySelectorAll(".md-typeset__scrollwrap, .md-content pre, .md-content .highlight-ipynb")
    .forEach(function (block) {
      if (block.scrollWidth > block.clientWidth && !block.hasAttribute("tabindex")) {
        block.tabIndex = 0;
      }
    });
}
function a11yFixesSoon() {
  setTimeout(a11yFixes, 0);  // after the theme has mounted its components on this page
}
if (typeof document$ !== "undefined") {
  document$.subscribe(a11yFixesSoon);
} else {
  document.addEventListener("DOMContentLoaded", a11yFixesSoon);
}
window.addEventListener("resize", a11yFixesSoon);

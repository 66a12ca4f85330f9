// Keyboard and screen-reader fixes to what the theme and the notebook pages add at run time:
// - a block that scrolls sideways (a wide table, a notebook's long code line) gets a tab stop,
//   so the arrow keys can scroll it; checked when the browser lays the block out
//   (ResizeObserver), so it never forces a layout of its own;
// - the toolbar Material puts on each code block (its copy button) is not announced as one
//   more unnamed navigation landmark.
var a11yScrollables = new ResizeObserver(function (entries) {
  entries.forEach(function (entry) {
    var block = entry.target;
    if (block.scrollWidth > block.clientWidth) block.tabIndex = 0;
    else if (block.dataset.a11yTab !== undefined) block.removeAttribute("tabindex");
    if (block.tabIndex === 0) block.dataset.a11yTab = "";
  });
});
function a11yFixes() {
  document.querySelectorAll(".md-code__nav").forEach(function (nav) {
    nav.setAttribute("role", "none");
  });
  document
    .querySelectorAll(".md-typeset__scrollwrap, .md-content .highlight-ipynb")
    .forEach(function (block) {
      a11yScrollables.observe(block);
    });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(function () {
    setTimeout(a11yFixes, 0);  // after the theme has mounted its components on this page
  });
} else {
  document.addEventListener("DOMContentLoaded", a11yFixes);
}

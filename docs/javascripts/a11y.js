// Keyboard and screen-reader fixes to what the theme and the notebook pages add at run time:
// - a block that scrolls sideways (a wide table, a long code line) gets a tab stop, so the
//   arrow keys can scroll it (Material gives one to a code block only once it has come into
//   view, content.lazy, but it must be there before); checked when the browser lays it out
//   (ResizeObserver), so it never forces a layout of its own;
// - the toolbar Material puts on each code block (its copy button) is not announced as one
//   more unnamed navigation landmark; Material adds it when the block comes into view
//   (content.lazy), so each toolbar is fixed as it is added.
var a11yScrollables = new ResizeObserver(function (entries) {
  entries.forEach(function (entry) {
    var block = entry.target;
    if (block.scrollWidth > block.clientWidth) block.tabIndex = 0;
    else if (block.dataset.a11yTab !== undefined) block.removeAttribute("tabindex");
    if (block.tabIndex === 0) block.dataset.a11yTab = "";
  });
});
function a11yToolbar(nav) {
  nav.setAttribute("role", "none");
}
var a11yToolbars = new MutationObserver(function (records) {
  records.forEach(function (record) {
    record.addedNodes.forEach(function (node) {
      if (node.classList && node.classList.contains("md-code__nav")) a11yToolbar(node);
    });
  });
});
function a11yFixes() {
  document.querySelectorAll(".md-code__nav").forEach(a11yToolbar);
  a11yToolbars.observe(document.querySelector(".md-content") || document.body,
                       { childList: true, subtree: true });
  document
    .querySelectorAll(
      ".md-typeset__scrollwrap, .md-content .highlight-ipynb, .md-content pre > code")
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

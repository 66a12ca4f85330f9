// Render math with the site's own KaTeX: the \(...\) / \[...\] that pymdownx.arithmatex
// leaves in .arithmatex elements, and the $...$ / $$...$$ of notebook Markdown cells.
var PAGE_DELIMITERS = [
  { left: "\\(", right: "\\)", display: false },
  { left: "\\[", right: "\\]", display: true },
];
var NOTEBOOK_DELIMITERS = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
];

function renderMath() {
  document.querySelectorAll(".arithmatex").forEach(function (element) {
    renderMathInElement(element, { delimiters: PAGE_DELIMITERS, throwOnError: true });
  });
  document.querySelectorAll(".jp-RenderedMarkdown").forEach(function (element) {
    renderMathInElement(element, { delimiters: NOTEBOOK_DELIMITERS, throwOnError: false });
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(renderMath);  // Material re-runs this on every page it loads
} else {
  document.addEventListener("DOMContentLoaded", renderMath);
}

// Render the $...$ / $$...$$ math that pymdownx.arithmatex wraps in .arithmatex elements.
function renderMath() {
  document.querySelectorAll(".arithmatex").forEach(function (element) {
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true },
      ],
      throwOnError: true,
    });
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(renderMath);  // Material re-runs this on every page it loads
} else {
  document.addEventListener("DOMContentLoaded", renderMath);
}

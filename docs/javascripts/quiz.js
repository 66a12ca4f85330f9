// Self-grading questions. A question is written in Markdown (docs/questions/*.md):
//   <div class="quiz" id="ID" data-answer="B" data-level="easy" markdown>
//   prompt, a list "- A. ...", then ??? tip "Hint", ??? success "Answer", ??? warning "Common mistakes"
// Without JavaScript it reads as a list with folded answers. With it, each option becomes a
// button; the first pick is graded at once and kept in localStorage with the others.
(function () {
  "use strict";
  const KEY = "loss-handbook-quiz";

  const load = () => {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; }
  };
  const save = (answers) => {
    try { localStorage.setItem(KEY, JSON.stringify(answers)); } catch { /* private mode: no memory */ }
  };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setUp(quiz, index, total) {
    const answer = quiz.dataset.answer;
    const prompt = quiz.querySelector(":scope > p");
    prompt.id = `${quiz.id}-prompt`;
    const level = quiz.dataset.level;
    const meta = el("p", { class: "quiz-meta" });
    meta.append(`Question ${index + 1} of ${total} · `,
      el("span", { class: `quiz-level quiz-level-${level}` }, `Difficulty: ${level}`));
    quiz.prepend(meta);

    const list = quiz.querySelector(":scope > ul");
    list.classList.add("quiz-options");
    const group = el("div", { role: "group", "aria-labelledby": prompt.id });
    list.replaceWith(group);
    group.append(list);
    const buttons = [];
    for (const item of list.children) {
      const button = el("button", { type: "button", class: "quiz-option" });
      // "A. text" -> letter A; the item's nodes (code, math) move into the button as they are
      const nodes = [...item.childNodes].flatMap((n) => (n.nodeName === "P" ? [...n.childNodes] : [n]));
      const first = nodes.find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      button.dataset.choice = first.textContent.trim().charAt(0);
      button.append(...nodes);
      item.replaceChildren(button);
      buttons.push(button);
    }
    const feedback = el("p", { class: "quiz-feedback", role: "status", "aria-live": "polite" });
    group.after(feedback);
    const solution = quiz.querySelector(":scope > details.success");
    solution.hidden = true;

    quiz.show = (record) => {
      for (const b of buttons) {
        b.classList.remove("quiz-right", "quiz-wrong", "quiz-key");
        b.removeAttribute("aria-disabled");
        b.querySelector(".quiz-tag")?.remove();
      }
      solution.hidden = !record;
      solution.open = Boolean(record);
      feedback.textContent = "";
      feedback.className = "quiz-feedback";
      if (!record) return;
      for (const b of buttons) {
        b.setAttribute("aria-disabled", "true");
        const tag = b.dataset.choice === answer ? "right answer"
          : b.dataset.choice === record.choice ? "your answer" : "";
        if (b.dataset.choice === answer) b.classList.add(record.right ? "quiz-right" : "quiz-key");
        else if (b.dataset.choice === record.choice) b.classList.add("quiz-wrong");
        if (tag) b.append(el("span", { class: "quiz-tag" }, tag));
      }
      const text = record.right ? `Right: ${answer}. The explanation is below.`
        : `Not quite: you chose ${record.choice}, the answer is ${answer}. The explanation is below.`;
      feedback.textContent = text;
      feedback.classList.add(record.right ? "quiz-feedback-right" : "quiz-feedback-wrong");
    };
    for (const b of buttons) {
      b.addEventListener("click", () => {
        const answers = load();
        if (answers[quiz.id]) return;  // the first pick counts
        answers[quiz.id] = { choice: b.dataset.choice, right: b.dataset.choice === answer };
        save(answers);
        quiz.show(answers[quiz.id]);
        document.dispatchEvent(new Event("quiz:answered"));
      });
    }
    quiz.show(load()[quiz.id]);
  }

  function scoreBox(quizzes) {
    const box = el("section", { class: "quiz-score", "aria-labelledby": "quiz-score-title" });
    box.append(el("h2", { id: "quiz-score-title" }, "Your score"));
    const line = el("p", { role: "status", "aria-live": "polite" });
    const reset = el("button", { type: "button", class: "md-button quiz-reset" }, "Reset the answers on this page");
    const note = el("p", { class: "quiz-note" },
      "Answers are kept in this browser only, and count on every page that shows the question.");
    box.append(line, reset, note);
    const update = () => {
      const answers = load();
      const done = quizzes.filter((q) => answers[q.id]);
      const right = done.filter((q) => answers[q.id].right).length;
      line.textContent = `${right} right out of ${done.length} answered; ` +
        `${quizzes.length - done.length} of ${quizzes.length} questions still open.`;
    };
    reset.addEventListener("click", () => {
      const answers = load();
      for (const q of quizzes) delete answers[q.id];
      save(answers);
      for (const q of quizzes) q.show(undefined);
      update();
    });
    document.addEventListener("quiz:answered", update);
    update();
    return box;
  }

  function init() {
    const quizzes = [...document.querySelectorAll(".md-content .quiz[data-answer]")];
    if (!quizzes.length) return;
    quizzes.forEach((q, i) => setUp(q, i, quizzes.length));
    quizzes[quizzes.length - 1].after(scoreBox(quizzes));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

"""Learning by doing, in headless Chromium: self-grading questions and the loss explorer.

The questions are answered right and wrong, by mouse and keyboard, and their score must
survive a reload and a reset. The explorer is moved to every point at which
examples/loss_explorer_values.py had Keras compute losses and gradients, and every value
it shows must match Keras's to 4 decimals.
"""

import json
import math
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.site.browsing import Visit


KERAS_VALUES = Path(__file__).resolve().parents[2] / "docs/generated/loss_explorer_values/results.json"
# Shown with 4 decimals, Keras's value rounded to 6. Gradients with respect to p reach 1e7
# near the clip, where float64 rounding of 1 - p alone moves the 4th decimal: a relative
# allowance of 1e-9 covers that and nothing else.
TOLERANCE, RELATIVE = 1e-4, 1e-9

READ_CELLS = """root => Object.fromEntries([...root.querySelectorAll('[data-key]')].map(
    c => [c.dataset.key, c.textContent]))"""
SCORE = ".quiz-score [role=status]"


def shown(text: str) -> float:
    return float(text.replace("\u2212", "-"))


@pytest.fixture
def visit(browser, base_url):
    visits = []

    def open_page(path):
        v = Visit(browser, base_url + path)
        visits.append(v)
        return v

    yield open_page
    for v in visits:
        assert not v.errors, f"console errors: {v.errors}"
        assert not v.blocked, f"requests to other hosts: {v.blocked}"
        v.close()


def option(page, quiz_id, right):
    """The button of the right answer, or of the first wrong one."""
    quiz = page.locator(f"#{quiz_id}")
    answer = quiz.get_attribute("data-answer")
    pick = f"[data-choice='{answer}']" if right else f"[data-choice]:not([data-choice='{answer}'])"
    return quiz.locator(f"button.quiz-option{pick}").first


def test_questions_grade_and_keep_their_score(visit):
    page = visit("practice/").page
    quizzes = page.locator(".quiz[data-answer]")
    total = quizzes.count()
    assert total >= 15
    levels = page.eval_on_selector_all(".quiz[data-answer]", "qs => qs.map(q => q.dataset.level)")
    assert set(levels) == {"easy", "medium", "hard"}
    for i in range(total):
        quiz = quizzes.nth(i)
        assert quiz.locator("button.quiz-option").count() == 4
        assert quiz.locator("details.tip").count() == 1, "a hint on every question"
        assert quiz.locator("details.warning").count() == 1, "common mistakes on every question"
        assert quiz.locator("details.success").is_hidden(), "the answer stays folded away"
        assert quiz.locator(".quiz-level").inner_text() == f"Difficulty: {levels[i]}"
    assert page.locator(SCORE).inner_text() == \
        f"0 right out of 0 answered; {total} of {total} questions still open."

    # a hint on request, before answering
    hint = page.locator("#mse-measures details.tip")
    hint.locator("summary").click()
    assert hint.get_attribute("open") is not None

    # wrong by mouse: told at once, the right answer marked, the explanation opened
    option(page, "mse-measures", right=False).click()
    quiz = page.locator("#mse-measures")
    assert quiz.locator(".quiz-feedback").inner_text().startswith("Not quite: you chose")
    assert quiz.locator(".quiz-wrong").count() == 1
    assert quiz.locator(".quiz-key .quiz-tag").inner_text() == "right answer"
    assert quiz.locator("details.success").is_visible()
    assert quiz.locator("details.success").get_attribute("open") is not None
    # the first pick counts
    option(page, "mse-measures", right=True).click(force=True)  # aria-disabled now
    assert quiz.locator(".quiz-right").count() == 0

    # right by keyboard
    option(page, "loss-for-numbers", right=True).focus()
    page.keyboard.press("Enter")
    assert page.locator("#loss-for-numbers .quiz-feedback").inner_text().startswith("Right: A.")
    assert page.locator("#loss-for-numbers .quiz-right").count() == 1
    expected = f"1 right out of 2 answered; {total - 2} of {total} questions still open."
    assert page.locator(SCORE).inner_text() == expected

    # kept across a reload, and on the question's own page
    page.reload(wait_until="networkidle")
    assert page.locator(SCORE).inner_text() == expected
    assert page.locator("#mse-measures .quiz-wrong").count() == 1
    assert page.locator("#loss-for-numbers details.success").is_visible()
    practice_url = page.url
    page.goto(practice_url.replace("practice/", "traces/mse-and-cross-entropy/"),
              wait_until="networkidle")
    assert page.locator("#mse-measures .quiz-wrong").count() == 1
    # this page has both: "2 answered" counts the same two answers
    assert page.locator(SCORE).inner_text().startswith("1 right out of 2 answered")
    page.goto(practice_url, wait_until="networkidle")

    # reset: everything open again, and still after a reload
    page.get_by_role("button", name="Reset the answers on this page").click()
    fresh = f"0 right out of 0 answered; {total} of {total} questions still open."
    assert page.locator(SCORE).inner_text() == fresh
    assert page.locator("#mse-measures details.success").is_hidden()
    assert page.locator(".quiz-right, .quiz-wrong, .quiz-key").count() == 0
    page.reload(wait_until="networkidle")
    assert page.locator(SCORE).inner_text() == fresh


def test_every_page_with_questions_grades_them(visit):
    """The questions included on their own pages work there too."""
    for path, quiz_id in [("traces/categorical-cross-entropy/", "integer-labels"),
                          ("metrics/", "train-val-gap"),
                          ("experiments/reducing-overfitting/", "logits-with-one-hot"),
                          ("reference/choosing-a-loss/", "integer-labels-softmax"),
                          ("reference/why-cross-entropy/", "confident-negative"),
                          ("reference/from-logits/", "label-smoothing-target")]:
        page = visit(path).page
        option(page, quiz_id, right=True).click()
        # expect() waits for the grading (up to 5 s) instead of reading the text at once
        expect(page.locator(f"#{quiz_id} .quiz-feedback")).to_have_text(re.compile("^Right"))
        expect(page.locator(SCORE)).to_have_text(re.compile("^1 right out of 1 answered"))


@pytest.fixture(scope="module")
def keras_values():
    if not KERAS_VALUES.exists():
        pytest.fail(f"{KERAS_VALUES} is missing: run examples/loss_explorer_values.py "
                    "through the examples runner")
    return json.loads(KERAS_VALUES.read_text())


def compare(cells, expected, where):
    """Every shown value against Keras's; the largest absolute difference among values below
    1000 in size and the largest relative difference among larger ones."""
    worst_abs = worst_rel = 0.0
    for key, text in cells.items():
        head, _, index = key.partition(".")
        keras = expected[head][int(index)] if index else expected[head]
        diff = abs(shown(text) - keras)
        assert diff <= TOLERANCE + RELATIVE * abs(keras), f"{where} {key}: shown {text}, Keras {keras}"
        if abs(keras) < 1000:
            worst_abs = max(worst_abs, diff)
        else:
            worst_rel = max(worst_rel, diff / abs(keras))
    return len(cells), worst_abs, worst_rel


def test_explorer_matches_keras(visit, keras_values):
    page = visit("reference/loss-explorer/").page
    binary = page.locator(".loss-explorer[data-explorer=binary]")
    classes = page.locator(".loss-explorer[data-explorer=classes]")
    values = points = 0
    worst_abs = worst_rel = 0.0

    z = binary.get_by_role("slider", name="Logit z")
    for point in keras_values["binary"]:
        binary.get_by_role("radio", name=str(point["label"]), exact=True).check()
        z.fill(str(point["logit"]))
        cells = binary.evaluate(READ_CELLS)
        assert len(cells) == 9
        n, t, v = compare(cells, point, f"binary z={point['logit']} y={point['label']}:")
        values, points = values + n, points + 1
        worst_abs, worst_rel = max(worst_abs, t), max(worst_rel, v)
        clipped = abs(point["logit"]) > keras_values["clip_logit"]  # p outside [1e-7, 1 - 1e-7]
        assert binary.locator(".le-clip-note").is_visible() == clipped, point

    sliders = [classes.get_by_role("slider", name=f"Logit of class {k}") for k in range(3)]
    for point in keras_values["three_class"]:
        classes.get_by_role("radio", name=str(point["label"]), exact=True).check()
        for slider, logit in zip(sliders, point["logits"]):
            slider.fill(str(logit))
        cells = classes.evaluate(READ_CELLS)
        assert len(cells) == 11
        n, t, v = compare(cells, point, f"classes {point['logits']} y={point['label']}:")
        values, points = values + n, points + 1
        worst_abs, worst_rel = max(worst_abs, t), max(worst_rel, v)

    assert points == keras_values["points"]
    print(f"\nexplorer checked against Keras: {points} points, {values} values; largest "
          f"difference {worst_abs:.2e} (values below 1000), {worst_rel:.2e} relative (above)")


def test_explorer_answers_the_keyboard(visit):
    page = visit("reference/loss-explorer/").page
    binary = page.locator(".loss-explorer[data-explorer=binary]")
    z = binary.get_by_role("slider", name="Logit z")
    probability = binary.locator("[data-key=probability]")
    mark = binary.locator("circle.le-mark").first
    z.fill("0")
    assert probability.inner_text() == "0.5000"
    x0 = float(mark.get_attribute("cx"))
    z.focus()
    page.keyboard.press("ArrowRight")
    assert z.input_value() == "0.1"
    assert probability.inner_text() == f"{1 / (1 + math.exp(-0.1)):.4f}"
    assert z.get_attribute("aria-valuetext") == f"z = 0.1, p = {1 / (1 + math.exp(-0.1)):.4f}"
    assert float(mark.get_attribute("cx")) > x0
    assert "z 0.1, y 1" in binary.locator("[role=status]").inner_text()
    page.keyboard.press("PageUp")
    assert float(z.input_value()) == pytest.approx(4.1)
    page.keyboard.press("End")
    assert z.input_value() == "20"
    assert binary.locator(".le-clip-note").is_visible()
    page.keyboard.press("Home")
    assert z.input_value() == "-20"
    # the label by keyboard: the loss for y = 1 at z = -20 is the clipped one
    binary.get_by_role("radio", name="0", exact=True).focus()
    page.keyboard.press("ArrowRight")
    assert binary.get_by_role("radio", name="1", exact=True).is_checked()
    assert binary.locator("[data-key=bce]").inner_text() == f"{-math.log(1e-7):.4f}"

    classes = page.locator(".loss-explorer[data-explorer=classes]")
    before = classes.locator("[data-key='probabilities.2']").inner_text()
    classes.get_by_role("slider", name="Logit of class 2").focus()
    page.keyboard.press("ArrowUp")
    assert classes.locator("[data-key='probabilities.2']").inner_text() != before
    assert "True class 0" in classes.locator("[role=status]").inner_text()


def test_embedded_explorer_on_why_cross_entropy(visit, keras_values):
    page = visit("reference/why-cross-entropy/").page
    binary = page.locator(".loss-explorer[data-explorer=binary]")
    point = next(p for p in keras_values["binary"] if p["label"] == 1 and p["logit"] == -6.0)
    binary.get_by_role("slider", name="Logit z").fill("-6")
    compare(binary.evaluate(READ_CELLS), point, "embedded z=-6 y=1:")

"""Every finding a page states in words, checked on the committed results.

Each example's facts module (scripts/facts/NAME.py) lists the sentences its pages state as
``CLAIMS``. A re-run that flips one fails here with the page and the sentence, so that a
person rewrites it; the page itself never chooses its wording from the results.
"""

import pkgutil

import pytest

from scripts import facts

EXAMPLES = sorted(m.name for m in pkgutil.iter_modules(facts.__path__))
CLAIMS = [(example, claim) for example in EXAMPLES for claim in facts.claims(example)]


@pytest.mark.parametrize("example, claim", CLAIMS,
                         ids=[f"{c.page}: {c.sentence[:50]}" for _, c in CLAIMS])
def test_sentence_holds_for_the_committed_results(example, claim):
    if not claim.holds(facts.load(example)):
        pytest.fail(f"{claim.page}: the sentence '{claim.sentence}' no longer holds for the "
                    f"committed results of examples/{example}.py; rewrite it (and its claim "
                    f"in scripts/facts/{example}.py)", pytrace=False)


@pytest.mark.parametrize("example", EXAMPLES)
def test_facts_load_from_the_committed_results(example):
    assert facts.load(example) is not None

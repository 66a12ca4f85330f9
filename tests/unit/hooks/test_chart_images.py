"""chart_images on small pages and SVGs: notebook charts become the chart files, with the
pages' alt text; every chart is sized and lazy; links resolve against their page."""

import pytest

from scripts.hooks import chart_images
from tests.unit.hooks.fake_site import SVG, data_img


@pytest.mark.parametrize("src, page_url, path", [
    ("../generated/x/a.svg", "traces/mse/", "traces/generated/x/a.svg"),
    ("../../generated/x/a.svg", "traces/mse/", "generated/x/a.svg"),
    ("a.svg", "", "a.svg"),
    ("/generated/x/a.svg", "traces/mse/", "generated/x/a.svg"),
])
def test_site_path_resolves_a_link_against_its_page(src, page_url, path):
    assert chart_images.site_path(src, page_url) == path


@pytest.mark.parametrize("svg, size", [
    (SVG, (576, 288)),
    (b'<svg width="460.8pt" height="345.6pt">', (614, 461)),
    (b'<svg width="300px" height="150px">', (300, 150)),
    (b'<svg version="1.1" width="300" height="150.4">', (300, 150)),
    (b'<svg viewBox="0 0 10 10">', None),
    (b'<svg height="10" width="20">', None),
    (b"<svg" + b" " * 2000 + b'width="1" height="1">', None),
    (b"not an svg \xff", None),
])
def test_svg_size_in_css_pixels(svg, size):
    assert chart_images.svg_size(svg) == size


def test_chart_file_finds_a_generated_chart_by_its_bytes(docs):
    assert chart_images.Charts(docs["docs_dir"]).file_of(SVG) == "generated/trace/loss_curves.svg"
    assert chart_images.Charts(docs["docs_dir"]).file_of(SVG + b" ") is None


def test_notebook_chart_becomes_the_chart_file_with_the_pages_alt_text(docs):
    charts = chart_images.Charts(docs["docs_dir"])
    charts.alts["generated/trace/loss_curves.svg"] = "Loss falls with every epoch"
    out = chart_images.fix_images(data_img(), "generated/trace/trace/", charts)
    assert out == ('<img alt="Loss falls with every epoch" src="../loss_curves.svg" '
                   'width="576" height="288" loading="lazy" decoding="async">')


def test_notebook_chart_no_page_shows_is_named_after_its_file(docs):
    out = chart_images.fix_images(data_img(alt="output"), "generated/trace/trace/",
                                 chart_images.Charts(docs["docs_dir"]))
    assert 'alt="Chart: loss curves (the example\'s figure)"' in out


def test_inline_image_that_is_no_generated_chart_is_left_alone(docs):
    img = data_img(b'<svg width="1pt" height="1pt"></svg>')
    assert chart_images.fix_images(img, "reference/page/", chart_images.Charts(docs["docs_dir"])) == img


def test_chart_file_on_a_page_is_sized_and_lazy(docs):
    img = '<img alt="Loss" src="../../generated/trace/loss_curves.svg" class="c">'
    out = chart_images.fix_images(f"<p>{img}</p>", "traces/mse/",
                                 chart_images.Charts(docs["docs_dir"]))
    assert out == ('<p><img alt="Loss" src="../../generated/trace/loss_curves.svg" class="c" '
                   'width="576" height="288" loading="lazy" decoding="async"></p>')


@pytest.mark.parametrize("img", [
    '<img alt="x" src="../../generated/trace/missing.svg">',
    '<img alt="x" src="https://example.org/a.svg">',
    '<img alt="x" src="photo.png">',
])
def test_images_that_are_not_local_charts_are_left_alone(docs, img):
    assert chart_images.fix_images(img, "traces/mse/", chart_images.Charts(docs["docs_dir"])) == img

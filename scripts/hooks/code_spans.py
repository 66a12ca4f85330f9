"""MkDocs hook: highlighted code with fewer elements, coloured exactly as before.

Pygments wraps every token of a code block in a ``<span>``: a long block is thousands of
elements, which a phone must style and lay out before the page responds. Many of those spans
change nothing on screen, because the site's stylesheets give their class no style of its
own or the code's own colour (names, whitespace). Here those spans become plain text, and
neighbouring spans styled alike (with at most whitespace between them) become one. The text
of every block is unchanged, so its copy button copies the same code.

Which classes are plain, and which look alike, is read from the stylesheets the site loads
(the theme's and ``extra_css``), so a theme or palette change can never be painted over.
Only the Markdown pages' code blocks are touched (``<div class="… highlight">``); notebook
cells have their own stylesheet.
"""

import re
from pathlib import Path

# The colour Material gives text in a code block (``.md-typeset pre``, ``.md-typeset code``).
CODE_COLOUR = "var(--md-code-fg-color)"
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
TOKEN_SELECTOR = re.compile(r"\.highlight\s+\.([\w-]+)")
CUSTOM_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;{}]+)")
VAR = re.compile(r"var\((--[\w-]+)\)")
CODE_BLOCK = re.compile(
    r'(<div class="(?:[^"]*\s)?highlight(?:\s[^"]*)?">(?:<span class="filename">[^<]*</span>)?'
    r"<pre[^>]*>(?:<span></span>)?<code[^>]*>)(.*?)(</code>)",
    re.S,
)
SPAN = re.compile(r'<span class="([\w-]+)">([^<]*)</span>')

_styles: dict[str, str] = {}  # token class -> its style; each build reads it anew in on_config


def custom_properties(css: str) -> dict[str, tuple]:
    """Every custom property, with the rules that set it and the value each gives it."""
    where: dict[str, list] = {}
    for index, (_, body) in enumerate(RULE.findall(css)):
        for name, value in CUSTOM_PROPERTY.findall(body):
            where.setdefault(name, []).append((index, value.strip()))
    return {name: tuple(places) for name, places in where.items()}


def resolve(value: str, properties: dict[str, tuple]) -> str:
    """``var(--a)`` followed while ``--a`` has one value everywhere; a property set by the
    same rules to the same values as another (the same colour in every scheme) is named as
    the first of them, so the two compare equal."""
    seen = set()
    while (match := VAR.fullmatch(value)) and match.group(1) not in seen:
        name = match.group(1)
        seen.add(name)
        places = properties.get(name, ())
        values = {v for _, v in places}
        if len(values) != 1:
            twins = [other for other, p in properties.items() if p == places]
            return f"var({min(twins)})" if places else value
        value = next(iter(values))
    return value


def token_styles(css: str, token_selector: re.Pattern = TOKEN_SELECTOR) -> dict[str, str]:
    """Token class -> its declarations in rules ``.highlight .CLASS`` (or what
    ``token_selector`` matches), custom properties resolved where they have one value; a
    class with no such rule is absent."""
    properties = custom_properties(css)
    declarations: dict[str, list[str]] = {}
    for selectors, body in RULE.findall(css):
        for selector in selectors.split(","):
            match = token_selector.fullmatch(selector.strip())
            if match:
                for declaration in body.split(";"):
                    if ":" in declaration:
                        prop, value = (part.strip() for part in declaration.split(":", 1))
                        declarations.setdefault(match.group(1), []).append(
                            f"{prop}:{resolve(value, properties)}")
    return {name: ";".join(items) for name, items in declarations.items()}


def is_plain(style: str) -> bool:
    return style in ("", f"color:{CODE_COLOUR}")


def colour_only(style: str) -> bool:
    return all(item.startswith("color:") for item in style.split(";"))


def tokens(code: str, styles: dict[str, str]) -> list[list]:
    """``code`` as ``[kind, text, class, style]`` items: "span" for a token span whose style
    shows, "text" for text (plain spans and whitespace included), "markup" for anything else."""
    items, position = [], 0
    for match in [*SPAN.finditer(code), None]:
        between = code[position:match.start() if match else len(code)]
        if between:
            items.append(["markup" if "<" in between else "text", between, None, None])
        if match is None:
            break
        position = match.end()
        name, text = match.groups()
        style = styles.get(name, "")
        if is_plain(style) or (not text.strip() and colour_only(style)):
            items.append(["text", text, None, None])  # a whitespace's colour never shows
        else:
            items.append(["span", text, name, style])
    return items


def lighter_code(code: str, styles: dict[str, str]) -> str:
    """The inside of one ``<code>``: plain spans unwrapped, alike neighbours merged."""
    merged: list[list] = []
    for item in tokens(code, styles):
        last = merged[-1] if merged else None
        gap = merged[-2] if len(merged) > 1 else None
        if last and last[0] == item[0] == "text":
            last[1] += item[1]
        elif last and item[0] == last[0] == "span" and item[3] == last[3]:
            last[1] += item[1]
        elif (item[0] == "span" and last and last[0] == "text" and not last[1].strip()
              and gap and gap[0] == "span" and gap[3] == item[3] and colour_only(item[3])):
            gap[1] += last[1] + item[1]  # only whitespace between two spans styled alike
            merged.pop()
        else:
            merged.append(item)
    return "".join(f'<span class="{name}">{text}</span>' if kind == "span" else text
                   for kind, text, name, _ in merged)


def lighter_page(html: str, styles: dict[str, str]) -> str:
    return CODE_BLOCK.sub(
        lambda m: m.group(1) + lighter_code(m.group(2), styles) + m.group(3), html)


def site_stylesheets(config) -> str:
    """The theme's stylesheets and the site's own (``extra_css``), as one text."""
    texts = []
    for folder in config["theme"].dirs:
        texts += [p.read_text() for p in sorted(Path(folder).glob("assets/stylesheets/*.css"))]
    for entry in config["extra_css"]:
        path = Path(config["docs_dir"]) / str(entry)
        if path.is_file():
            texts.append(path.read_text())
    return "\n".join(texts)


def on_config(config):
    global _styles
    _styles = token_styles(site_stylesheets(config))


def on_post_page(output: str, page, config):
    return lighter_page(output, _styles)

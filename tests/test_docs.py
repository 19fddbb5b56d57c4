"""The README stays true to the code: its Layout names every module, and only modules that exist; every `reactionmap` command it writes exists, with its options."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
DESCRIPTION_COLUMN = 20  # a line indented this far continues the description above it


def section(title: str) -> str:
    """The text of one '## ' section of the README."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README.md has no section '## {title}'"
    return match.group(1)


def layout_paths() -> list[str]:
    """Every path the Layout section's tree names, folders ending in '/'."""
    block = re.search(r"```\n(.*?)```", section("Layout"), re.S)
    assert block, "the Layout section has no code block"
    paths: list[str] = []
    stack: list[tuple[int, str]] = []  # (indent, folder path)
    for line in block.group(1).splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip() or indent >= DESCRIPTION_COLUMN:
            continue
        name = line.split()[0]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = (stack[-1][1] if stack else "") + name
        paths.append(path)
        if name.endswith("/"):
            stack.append((indent, path))
    return paths


def test_layout_names_every_module_and_only_real_ones():
    named = layout_paths()
    missing = [p for p in named if not (REPO / p).exists()]
    assert not missing, f"README's Layout names what does not exist: {missing}"
    modules = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "src" / "reactionmap").rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    unlisted = sorted(modules - set(named))
    assert not unlisted, f"README's Layout does not name: {unlisted}"
    packages = {
        p.parent.relative_to(REPO).as_posix() + "/"
        for p in (REPO / "src" / "reactionmap").rglob("__init__.py")
    }
    assert packages - {"src/reactionmap/"} <= set(named), "a package is missing from Layout"


def test_layout_parser_reads_nested_folders():
    """The parser itself: a test that passes on an empty list would prove nothing."""
    named = layout_paths()
    assert "src/reactionmap/contract/scale.py" in named
    assert "app.py" in named
    assert len([p for p in named if p.endswith(".py")]) > 40


def readme_invocations(text: str) -> list[str]:
    """Every `reactionmap ...` the text writes: a line of a code block (its comment cut off)
    or an inline code span, as one line."""
    found = []
    for block in re.findall(r"```(?:sh)?\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("reactionmap "):
                found.append(re.split(r"\s#\s", line)[0].rstrip())
    for span in re.findall(r"(?<!`)`(reactionmap [^`]+)`", text):
        found.append(" ".join(span.split()))
    return found


def check_invocation(line: str) -> list[str]:
    """What in one `reactionmap COMMAND ...` line the click group does not have: the command,
    an option of it, or a value an option with fixed choices does not take."""
    import click

    from reactionmap.cli.main import main

    words = [w.strip("[]") for w in line.split()]
    if words[1] in ("--help", "-h"):
        return []
    command = main.commands.get(words[1])
    if command is None:
        return [f"{line!r}: no command {words[1]!r}"]
    options = {o: p for p in command.params for o in [*p.opts, *p.secondary_opts]}
    wrong = []
    for index, word in enumerate(words[2:], start=2):
        after = words[index + 1] if index + 1 < len(words) else ""
        if not word.startswith("--"):
            continue
        name, _, value = word.partition("=")
        param = options.get(name)
        if param is None and name != "--help":
            wrong.append(f"{line!r}: {words[1]} has no option {name}")
            continue
        value = value or after
        if isinstance(getattr(param, "type", None), click.Choice) and value:
            choices = set(param.type.choices)
            wrong += [
                f"{line!r}: {name} takes {sorted(choices)}, not {v!r}"
                for v in value.split("|")
                if v not in choices
            ]
    return wrong


def test_command_line_section_and_the_click_group_agree():
    from reactionmap.cli.main import main

    written = readme_invocations(section("Command line"))
    named = {line.split()[1] for line in written}
    missing = sorted(set(main.commands) - named)
    assert not missing, f"README's Command line does not show: {missing}"
    wrong = [w for line in written for w in check_invocation(line)]
    assert not wrong, "README's Command line disagrees with the command line:\n" + "\n".join(wrong)


def test_every_command_the_readme_writes_exists_with_its_options():
    wrong = [w for line in readme_invocations(README) for w in check_invocation(line)]
    assert not wrong, "README disagrees with the command line:\n" + "\n".join(wrong)


def test_invocation_checker_finds_what_is_wrong():
    """The checker itself: one that passes on everything would prove nothing."""
    written = readme_invocations(section("Command line"))
    assert len(written) >= 10 and any(w.startswith("reactionmap draft ") for w in written)
    assert check_invocation("reactionmap export x --format csv --as-of 2026-01-04") == []
    assert check_invocation("reactionmap publish x --format png|svg --size A4]") == []
    assert check_invocation("reactionmap exports x")  # no such command
    assert check_invocation("reactionmap export x --as_of 2026-01-04")  # no such option
    assert check_invocation("reactionmap import t.csv [--scale default|votes]")  # no such value
    assert readme_invocations(
        "`reactionmap check\n<id>` and\n```sh\nreactionmap list  # x\n```"
    ) == [
        "reactionmap list",
        "reactionmap check <id>",
    ]


def test_the_drafting_rules_name_only_options_the_draft_command_has():
    from reactionmap.cli.main import main

    rules = (REPO / "docs" / "drafting.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(--[a-z][a-z-]*)", rules))
    options = {o for p in main.commands["draft"].params for o in p.opts}
    assert {"--against", "--date", "--event-id"} <= named  # the parser reads the doc
    assert not named - options, f"docs/drafting.md names what draft lacks: {named - options}"


def test_every_file_the_readme_links_to_exists():
    for doc in (README, (REPO / "docs" / "drafting.md").read_text(encoding="utf-8")):
        links = re.findall(r"\]\(((?!https?:|#)[^)#]+)", doc)
        assert links
        base = REPO if doc is README else REPO / "docs"
        missing = [link for link in links if not (base / link).exists()]
        assert not missing, f"links to files that do not exist: {missing}"

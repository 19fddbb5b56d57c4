"""The stance scale: ordered categories with labels and colours, the presets, and a scale read from event.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reactionmap.contract.problems import Problem

NO_STATEMENT_KEY = "none"


NO_STATEMENT_LABEL = "No statement recorded"


NO_STATEMENT_COLOR = "#E3E3E3"


# An actor whose statements that count on the as-of day disagree in stance: shown apart from
# the scale's categories, never as one of them picked by file order.
DISAGREE_KEY = "disagree"


DISAGREE_LABEL = "Sources disagree"


DISAGREE_COLOR = "#6B6B6B"


RESERVED_KEYS = (NO_STATEMENT_KEY, DISAGREE_KEY)


KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Category:
    """One stance category: a key used in the data, a label for readers, a colour."""

    key: str
    label: str
    color: str
    aliases: tuple[str, ...] = ()  # other ways a table writes it ("Y", "in favour"), any case


@dataclass(frozen=True)
class Scale:
    """The ordered stance categories of an event, plus the implicit 'No statement recorded'."""

    categories: tuple[Category, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.categories)

    @property
    def with_disagree(self) -> tuple[Category, ...]:
        """The scale's categories, then 'Sources disagree': every stance an actor can hold."""
        return (*self.categories, Category(DISAGREE_KEY, DISAGREE_LABEL, DISAGREE_COLOR))

    @property
    def with_none(self) -> tuple[Category, ...]:
        """Every category a reader can see: the scale's, 'Sources disagree', then 'No
        statement recorded' last."""
        return (
            *self.with_disagree,
            Category(NO_STATEMENT_KEY, NO_STATEMENT_LABEL, NO_STATEMENT_COLOR),
        )

    def label(self, key: str) -> str:
        return {c.key: c.label for c in self.with_none}.get(key, key)

    def describe(self, key: str, stances: str = "") -> str:
        """A stance as readers read it: its label; for 'disagree', with each side's label
        (``stances``, the "; "-joined keys of view.stance.stance_table)."""
        if key != DISAGREE_KEY or not stances:
            return self.label(key)
        return f"{DISAGREE_LABEL}: " + "; ".join(self.label(k) for k in stances.split("; "))

    def accounts_lines(self, accounts: str) -> list[str]:
        """view.stance.stance_table's ``accounts`` ("key: words (source · date)" per line)
        with each stance's label in place of its key."""
        lines = []
        for line in accounts.splitlines():
            key, _, rest = line.partition(": ")
            lines.append(f"{self.label(key)}: {rest}")
        return lines

    def color(self, key: str) -> str:
        return {c.key: c.color for c in self.with_none}.get(key, NO_STATEMENT_COLOR)


# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
DEFAULT_SCALE = Scale(
    (
        Category("condemn", "Condemned", "#D55E00"),
        Category("concern", "Expressed concern / urged restraint", "#E69F00"),
        Category("neutral", "Neutral or ambivalent", "#F0E442"),
        Category("support", "Supported", "#0072B2"),
        Category("party", "Directly involved", "#CC79A7"),
    )
)


# A recorded vote (UN General Assembly, Security Council...), Okabe-Ito colours.
VOTE_SCALE = Scale(
    (
        Category("yes", "Yes", "#009E73", ("Y", "in favour", "in favor", "favour", "favor", "for")),
        Category("no", "No", "#D55E00", ("N", "against")),
        Category(
            "abstain", "Abstained", "#F0E442", ("A", "abstention", "abstaining", "abstentions")
        ),
        Category(
            "absent",
            "Absent / did not vote",
            "#56B4E9",
            (
                "X",
                "NV",
                "non-voting",
                "non voting",
                "not voting",
                "did not vote",
                "did not participate",
                "non-participating",
                "not participating",
            ),
        ),  # fmt: skip
    )
)


SCALE_PRESETS: dict[str, Scale] = {"default": DEFAULT_SCALE, "vote": VOTE_SCALE}


def scale_from_config(entries: object, file: str) -> tuple[Scale, list[Problem]]:
    """Build a Scale from an event.toml `scale` list; the default when it is absent."""
    if entries is None:
        return DEFAULT_SCALE, []
    problems: list[Problem] = []
    if not isinstance(entries, list) or not entries:
        msg = "`scale` must be a non-empty list of tables with key, label and color"
        return DEFAULT_SCALE, [Problem(file, None, "scale", repr(entries)[:80], msg)]
    categories: list[Category] = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(file, None, f"scale[{i}]", repr(entry)[:80], "not a table"))
            continue
        key, label = str(entry.get("key", "")), str(entry.get("label", ""))
        color = str(entry.get("color", ""))
        if not KEY_RE.match(key) or key in RESERVED_KEYS:
            problems.append(
                Problem(
                    file,
                    None,
                    f"scale[{i}].key",
                    key,
                    f"key {key!r} must be lower-case letters, digits or _ and not "
                    f"{NO_STATEMENT_KEY!r} or {DISAGREE_KEY!r} (reserved for "
                    f"'{NO_STATEMENT_LABEL}' and '{DISAGREE_LABEL}')",
                )
            )
        if not label:
            problems.append(Problem(file, None, f"scale[{i}].label", label, "label is empty"))
        if not COLOR_RE.match(color):
            problems.append(
                Problem(file, None, f"scale[{i}].color", color, f"color {color!r} must be #RRGGBB")
            )
        if not KEY_RE.match(key) or key in RESERVED_KEYS:
            continue  # reported above; rows using it are reported as unknown stances
        if key in [c.key for c in categories]:
            problems.append(
                Problem(file, None, f"scale[{i}].key", key, f"key {key!r} appears twice")
            )
            continue  # the first definition stands
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(
                Problem(
                    file,
                    None,
                    f"scale[{i}].aliases",
                    repr(aliases)[:80],
                    'aliases must be a list of strings, e.g. aliases = ["Y", "in favour"]',
                )
            )
            aliases = []
        categories.append(
            Category(
                key,
                label or key,
                color if COLOR_RE.match(color) else "#999999",
                tuple(a.strip() for a in aliases if a.strip()),
            )
        )
    if not categories:
        return DEFAULT_SCALE, problems
    return Scale(tuple(categories)), problems

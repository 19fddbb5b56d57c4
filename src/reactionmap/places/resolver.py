"""Resolve country and organization names to ISO3 or organization codes, by exact lookup only."""

from __future__ import annotations

import difflib
import functools
import gettext
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry

from reactionmap.contract.paths import COUNTRIES_DIR
from reactionmap.contract.reviewed import display_path, read_reviewed, refuse
from reactionmap.places.former import former_members

ALIASES_PATH = COUNTRIES_DIR / "aliases.csv"
ORGANIZATIONS_PATH = COUNTRIES_DIR / "organizations.csv"

# Codes outside ISO 3166-1 that the project uses; documented in data/countries/README.md.
SPECIAL_CODES: dict[str, str] = {"XKX": "Kosovo", "SOL": "Somaliland"}

# Languages whose pycountry catalogues (gettext domain "iso3166-1") are indexed.
LANGUAGES: tuple[str, ...] = (
    "de", "es", "fr", "pt", "pt_BR", "it", "nl", "ru", "uk", "pl", "tr",
    "zh_CN", "zh_TW", "ar", "ja", "ko",
)  # fmt: skip

# Short English display names where pycountry's name is long or inverted.
DISPLAY_NAMES: dict[str, str] = {
    "BRN": "Brunei",
    "COD": "DR Congo",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "RUS": "Russia",
    "VAT": "Holy See",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "FLK": "Falkland Islands",
    "SHN": "Saint Helena",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
    **SPECIAL_CODES,
}

STATE, ORGANIZATION = "state", "organization"
HINT_BUDGET = 1000

_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u02bb\u0060\u00b4\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d-", " "),
        "&": " and ",
        ".": "",
    }
)
_SPACES = re.compile(r"\s+")
_PARENTHESIS = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


def normalize(text: str) -> str:
    """The matching key of a name: NFKC, casefolded, Latin accents stripped, quotes, dashes,
    dots and spacing unified, a leading "the" dropped and a word "st" read as "saint"."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION).casefold()
    if not text.isascii():
        text = _strip_latin_accents(text)
    words = _SPACES.sub(" ", text).strip().split(" ")
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join("saint" if word == "st" else word for word in words)


def _strip_latin_accents(text: str) -> str:
    """Drop combining marks that follow a Latin letter (é -> e), keep those of other scripts."""
    kept: list[str] = []
    latin = False
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if not latin:
                kept.append(char)
            continue
        latin = unicodedata.name(char, "").startswith("LATIN")
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _variants(name: str) -> list[str]:
    """Other spellings of a catalogue name: "Korea, Republic of" -> "Republic of Korea",
    "Korea (Republic of)"; "Holy See (Vatican City State)" -> "Holy See"."""
    variants = []
    if "," in name:
        head, _, tail = name.partition(",")
        variants += [f"{tail.strip()} {head.strip()}", f"{head.strip()} ({tail.strip()})"]
    if match := _PARENTHESIS.match(name):
        variants.append(match.group(1))
    return variants


class NameNotResolved(ValueError):
    """A name that is unknown or ambiguous; the message says what to fix and where."""

    def __init__(self, name: str, candidates: tuple[str, ...], reason: str, message: str):
        super().__init__(message)
        self.name = name
        self.candidates = candidates
        self.reason = reason

    def __reduce__(self):
        return type(self), (self.name, self.candidates, self.reason, str(self))


@dataclass(frozen=True)
class Organization:
    """An organization from organizations.csv: its acronym code, English name and members."""

    code: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # the file's other names for it ("AU Commission", "CEDEAO")


class _Index:
    """Normalised name -> codes, filled layer by layer: an earlier layer's key is never
    overridden, and a key that one layer maps to several codes is ambiguous."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, ...]] = {}

    def add_layer(self, pairs: Iterable[tuple[str, str]]) -> None:
        layer: dict[str, set[str]] = {}
        for name, code in pairs:
            key = normalize(name)
            if key and key not in self.codes:
                layer.setdefault(key, set()).add(code)
        self.codes |= {key: tuple(sorted(codes)) for key, codes in layer.items()}

    def add_names(self, pairs: list[tuple[str, str]]) -> None:
        """Standard names as a layer, then their variants (_variants) as the next."""
        self.add_layer(pairs)
        self.add_layer((variant, code) for name, code in pairs for variant in _variants(name))


class CountryResolver:
    """Names to codes through the alias file, pycountry's exact names and codes, then
    pycountry's translated names; organizations through their own file."""

    def __init__(self, aliases_path: Path | None = None, organizations_path: Path | None = None):
        self.aliases_path = Path(aliases_path or ALIASES_PATH)
        self.organizations_path = Path(organizations_path or ORGANIZATIONS_PATH)
        self._fix = (
            f"Add a row to {display_path(self.aliases_path)} or write the ISO3 code in actor_iso3.",
            f"Add it to the aliases column of {display_path(self.organizations_path)} "
            "or write the organization code in actor_iso3.",
        )
        self._countries = _Index()
        self._countries.add_layer(_read_aliases(self.aliases_path))
        # Former UN members (USSR, Zaire, ...) keep their own codes, never a successor's.
        self._countries.add_layer(
            (name, m.code) for m in former_members().values() for name in (m.code, *m.names)
        )
        self._countries.add_names(_iso_names())
        self._translated = False  # the last layers, built on the first name the others miss
        organizations = _read_organizations(self.organizations_path)
        self._organizations = {org.code: org for org, _ in organizations}
        self._orgs = _Index()
        self._orgs.add_layer((name, org.code) for org, names in organizations for name in names)
        self._hint_budget = HINT_BUDGET
        self._hints: dict[str, list[tuple[str, tuple[str, ...], bool]]] | None = None
        self._cache: dict[tuple[str, str | None], tuple[str | None, NameNotResolved | None]] = {}

    def resolve(self, name: str, actor_type: str | None = None) -> str:
        """The ISO3 (or organization) code of a name or code; raises NameNotResolved."""
        code, error = self.try_resolve(name, actor_type)
        if code is None:
            assert error is not None  # try_resolve gives one or the other
            raise error
        return code

    def try_resolve(
        self, name: str, actor_type: str | None = None
    ) -> tuple[str | None, NameNotResolved | None]:
        """(code, None) when the name resolves, else (None, the error)."""
        text = name if isinstance(name, str) else "" if pd.isna(name) else str(name)
        mode = _mode(actor_type)
        key = (text, mode)
        if key not in self._cache:
            self._cache[key] = self._lookup(text, mode)
        return self._cache[key]

    def resolve_series(
        self, names: pd.Series, actor_types: pd.Series | None = None
    ) -> tuple[pd.Series, dict[int, NameNotResolved]]:
        """Codes for a column of names (None where unresolved) and the errors by row index."""
        values = names.astype(object).where(names.notna(), None).tolist()
        modes: list[str | None]
        if actor_types is None:
            modes = [None] * len(values)
        else:
            if not actor_types.index.equals(names.index):
                raise ValueError("resolve_series: names and actor_types need the same index.")
            modes = [_mode(t) for t in actor_types]
        pairs = list(zip(values, modes, strict=True))
        results = {pair: self.try_resolve(*pair) for pair in set(pairs)}
        codes = pd.Series([results[p][0] for p in pairs], index=names.index, dtype=object)
        errors: dict[int, NameNotResolved] = {}
        for i, pair in zip(names.index, pairs, strict=True):
            if (error := results[pair][1]) is not None:
                errors[i] = error
        return codes, errors

    def is_organization(self, code: str) -> bool:
        """Whether a code is an organization's (EU, UN, AU, ...), not a country's."""
        return code in self._organizations

    def are_organizations(self, codes: pd.Series) -> pd.Series:
        """is_organization for a column of codes (False for a blank one)."""
        return codes.isin(list(self._organizations)).astype(bool)

    def organization(self, code: str) -> Organization:
        """The organization with this code; KeyError naming the known codes otherwise."""
        try:
            return self._organizations[code]
        except KeyError:
            known = ", ".join(self._organizations)
            raise KeyError(
                f"Unknown organization code {code!r}; known codes: {known} "
                f"(from {display_path(self.organizations_path)})."
            ) from None

    def organizations(self) -> list[Organization]:
        """All organizations, in file order."""
        return list(self._organizations.values())

    def country_name(self, code: str) -> str:
        """Short English display name of an ISO3 or organization code."""
        if code in self._organizations:
            return self._organizations[code].name
        if code in DISPLAY_NAMES:
            return DISPLAY_NAMES[code]
        if code in former_members():
            return former_members()[code].name
        country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
        if country is None:
            raise KeyError(
                f"Unknown code {code!r}: not an ISO 3166-1 alpha-3 code, not one of "
                f"{', '.join(SPECIAL_CODES)} and not an organization code."
            )
        return getattr(country, "common_name", None) or country.name

    def _add_translations(self) -> None:
        """pycountry's translated names, the last layers: most tables never need them, and
        building them is most of a resolver's start-up."""
        if self._translated:
            return
        self._translated = True
        self._countries.add_names(_translated_names())

    def names_for(self, code: str) -> list[str]:
        """The normalised names that resolve to this code and nothing else, sorted."""
        self._add_translations()
        index = self._orgs if code in self._organizations else self._countries
        return sorted(key for key, codes in index.codes.items() if codes == (code,))

    def _lookup(self, text: str, mode: str | None) -> tuple[str | None, NameNotResolved | None]:
        key = normalize(text) if text.strip() else ""
        if key.isdigit() and len(key) < 3:
            key = key.zfill(3)
        if key not in self._countries.codes and not self._translated:
            self._add_translations()  # earlier layers always win, so results are the same
        countries = self._countries.codes.get(key, ()) if mode != ORGANIZATION else ()
        orgs = self._orgs.codes.get(key, ()) if mode != STATE else ()
        candidates = countries + orgs
        if len(candidates) == 1:
            return candidates[0], None
        return None, self._error(text, key, mode, candidates)

    def _error(
        self, text: str, key: str, mode: str | None, candidates: tuple[str, ...]
    ) -> NameNotResolved:
        kind = "organization" if mode == ORGANIZATION else "country"
        fix = self._fix[mode == ORGANIZATION]
        if any(c in self._organizations for c in candidates) and len(candidates) > 1:
            fix = "Set actor_type to 'state' or 'organization', or write the code in actor_iso3."
        if candidates:
            listed = ", ".join(f"{c} ({self.country_name(c)})" for c in candidates)
            message = f"Cannot resolve {kind} name {text!r}: ambiguous between {listed}. {fix}"
            return NameNotResolved(text, candidates, "ambiguous", message)
        hint = ""
        if not key:
            why = "the name is empty"
        elif mode == STATE and key in self._orgs.codes:
            why = "it names an organization, but actor_type is 'state'"
        elif mode == ORGANIZATION and key in self._countries.codes:
            why = "it names a country, but actor_type is 'organization'"
        else:
            why = "no country or organization has this name or code"
            if self._hint_budget > 0 and (close := self._close_matches(key, mode)):
                hint = f" Did you mean {close}?"
        message = f"Cannot resolve {kind} name {text!r}: {why}.{hint} {fix}"
        return NameNotResolved(text, (), "unknown", message)

    def _close_matches(self, key: str, mode: str | None) -> str:
        """Up to three known names spelled like the key, as a hint (never as an answer); offered
        for the first HINT_BUDGET distinct unknown names only, to keep huge bad columns fast."""
        self._hint_budget -= 1
        if self._hints is None:
            self._hints = {}
            for is_org, index in ((False, self._countries), (True, self._orgs)):
                for name, codes in index.codes.items():
                    self._hints.setdefault(name[0], []).append((name, codes, is_org))
        allowed: tuple[bool, ...] = {STATE: (False,), ORGANIZATION: (True,)}.get(
            mode or "", (False, True)
        )
        near = {
            name: codes
            for name, codes, is_org in self._hints.get(key[0], [])
            if is_org in allowed and len(name) > 3 and abs(len(name) - len(key)) <= 3
        }
        close = difflib.get_close_matches(key, list(near), n=3, cutoff=0.8)
        return " or ".join(f"{name!r} ({'/'.join(near[name])})" for name in close)


def _mode(actor_type: object) -> str | None:
    """ "state" or "organization" restrict the lookup; anything else searches both."""
    if isinstance(actor_type, str) and actor_type.strip().casefold() in (STATE, ORGANIZATION):
        return actor_type.strip().casefold()
    return None


def _known_code(code: str) -> bool:
    return (
        code in SPECIAL_CODES
        or code in former_members()
        or pycountry.countries.get(alpha_3=code) is not None
    )


def _read_aliases(path: Path) -> list[tuple[str, str]]:
    """(alias, iso3) pairs; a repeated alias with several codes marks a name ambiguous."""
    pairs, seen = [], set()
    for line, row in read_reviewed(path, ("alias", "iso3", "note")):
        alias, code = row["alias"], row["iso3"]
        if not normalize(alias):
            raise refuse(path, line, "the alias is empty.")
        if not _known_code(code):
            raise refuse(
                path,
                line,
                f"iso3 {code!r} for {alias!r} is neither an ISO 3166-1 alpha-3 code nor one of "
                f"the documented codes {list(SPECIAL_CODES)}.",
            )
        if (normalize(alias), code) in seen:
            raise refuse(path, line, f"{alias!r} -> {code} is repeated.")
        seen.add((normalize(alias), code))
        pairs.append((alias, code))
    return pairs


def _read_organizations(path: Path) -> list[tuple[Organization, list[str]]]:
    """Each organization with the names it is known by (code, name, aliases)."""
    organizations, codes = [], set()
    for line, row in read_reviewed(path, ("code", "name", "aliases", "members")):
        code, members = row["code"], tuple(row["members"].split())
        if not re.fullmatch(r"[A-Z][A-Z0-9]+", code) or code in codes:
            raise refuse(path, line, f"code {code!r} must be a new upper-case acronym.")
        if _known_code(code):
            raise refuse(path, line, f"code {code!r} is already a country's ISO3 code.")
        if unknown := [m for m in members if not _known_code(m)]:
            raise refuse(
                path,
                line,
                f"members {unknown} of {code} are neither ISO 3166-1 alpha-3 codes nor "
                f"documented codes {list(SPECIAL_CODES)}.",
            )
        if len(set(members)) != len(members):
            raise refuse(path, line, f"{code} lists a member twice.")
        codes.add(code)
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        names = [code, row["name"], *aliases]
        organizations.append((Organization(code, row["name"], members, aliases), names))
    return organizations


def _iso_names() -> list[tuple[str, str]]:
    """Exact codes and English names of every ISO 3166-1 entry."""
    pairs = []
    for country in pycountry.countries:
        for field in ("alpha_2", "alpha_3", "numeric", "name", "official_name", "common_name"):
            if value := getattr(country, field, None):
                pairs.append((value, country.alpha_3))
    return pairs


def _translated_names() -> list[tuple[str, str]]:
    """Names from pycountry's own translation catalogues, for LANGUAGES."""
    pairs = []
    for language in LANGUAGES:
        catalogue = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=False
        )
        for country in pycountry.countries:
            for field in ("name", "official_name", "common_name"):
                english = getattr(country, field, None)
                if english and (translated := catalogue.gettext(english)) != english:
                    pairs.append((translated, country.alpha_3))
    return pairs


@functools.cache
def default_resolver() -> CountryResolver:
    """The resolver over the shipped data/countries files, built once."""
    return CountryResolver()

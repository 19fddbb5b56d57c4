"""Name resolution: UN names, variants, other languages, codes, refusals, organizations."""

from __future__ import annotations

import csv
import pickle
from pathlib import Path

import pandas as pd
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reactionmap.places.resolver import (
    ORGANIZATIONS_PATH,
    SPECIAL_CODES,
    CountryResolver,
    NameNotResolved,
    default_resolver,
)

UN_NAMES = Path(__file__).parent / "data" / "un_official_names.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


UN_ROWS = _rows(UN_NAMES)


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
    return default_resolver()


def test_un_list_has_193_members_and_2_observers():
    members = [r["iso3"] for r in UN_ROWS if r["status"] == "member"]
    observers = {r["iso3"] for r in UN_ROWS if r["status"] == "observer"}
    assert len(members) == len(set(members)) == 193
    assert observers == {"VAT", "PSE"}


@pytest.mark.parametrize("row", UN_ROWS, ids=lambda r: r["iso3"])
def test_every_un_official_name_resolves_also_in_upper_case(resolver, row):
    assert resolver.resolve(row["name"]) == row["iso3"]
    assert resolver.resolve(row["name"].upper(), "state") == row["iso3"]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Republic of Korea", "KOR"),
        ("REPUBLIC OF KOREA", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("Korea (Republic of)", "KOR"),
        ("South Korea", "KOR"),
        ("ROK", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("Korea, Democratic People's Republic of", "PRK"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("Guinea", "GIN"),
        ("Congo", "COG"),
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo–Kinshasa", "COD"),
        ("Zaire", "ZAR"),  # a former member: its own code, never its successor's shape
        ("USSR", "SUN"),
        ("Soviet Union", "SUN"),
        ("CZECHOSLOVAKIA", "CSK"),
        ("German Democratic Republic", "DDR"),
        ("Yugoslavia", "YUG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Swaziland", "SWZ"),
        ("Burma", "MMR"),
        ("Czech Republic", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Holland", "NLD"),
        ("the Netherlands", "NLD"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Russia", "RUS"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Great Britain", "GBR"),
        ("  united   kingdom ", "GBR"),
        ("USA", "USA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States of America", "USA"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Laos", "LAO"),
        ("Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("Cape Verde", "CPV"),
        ("Cabo Verde", "CPV"),
        ("East Timor", "TLS"),
        ("Timor Leste", "TLS"),
        ("Guinea–Bissau", "GNB"),
        ("The Gambia", "GMB"),
        ("St. Lucia", "LCA"),
        ("St Kitts & Nevis", "KNA"),
        ("Bolivia", "BOL"),
        ("BOLIVIA (PLURINATIONAL STATE OF)", "BOL"),
        ("Iran", "IRN"),
        ("Venezuela", "VEN"),
        ("British Virgin Islands", "VGB"),
        ("U.S. Virgin Islands", "VIR"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Republic of China", "TWN"),
        ("People's Republic of China", "CHN"),
        ("Palestine", "PSE"),
        ("State of Palestine", "PSE"),
        ("Western Sahara", "ESH"),
        ("Sahrawi Arab Democratic Republic", "ESH"),
        ("Holy See", "VAT"),
        ("Vatican", "VAT"),
    ],
)
def test_variants(resolver, name, iso3):
    assert resolver.resolve(name) == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Deutschland", "DEU"),
        ("Allemagne", "DEU"),
        ("Alemania", "DEU"),
        ("Germania", "DEU"),
        ("Duitsland", "DEU"),
        ("Brasil", "BRA"),
        ("España", "ESP"),
        ("ESPANA", "ESP"),
        ("Россия", "RUS"),
        ("Российская Федерация", "RUS"),
        ("Fédération de Russie", "RUS"),
        ("中国", "CHN"),
        ("ドイツ", "DEU"),
        ("ألمانيا", "DEU"),
        ("Estados Unidos", "USA"),
        ("Corea del Sur", "KOR"),
        ("República de Corea", "KOR"),
        ("Republik Korea", "KOR"),
        ("Corée du Nord", "PRK"),
        ("République démocratique du Congo", "COD"),
    ],
)
def test_other_languages(resolver, name, iso3):
    assert resolver.resolve(name) == iso3


@pytest.mark.parametrize(
    ("code", "iso3"), [("RUS", "RUS"), ("ru", "RUS"), ("643", "RUS"), ("068", "BOL"), ("68", "BOL")]
)
def test_codes(resolver, code, iso3):
    assert resolver.resolve(code) == iso3


def test_every_iso_code_resolves_to_itself(resolver):
    for country in pycountry.countries:
        for code in (country.alpha_3, country.alpha_2, country.numeric):
            assert resolver.resolve(code, "state") == country.alpha_3, code
    assert resolver.resolve("XKX") == "XKX"


def test_korea_confusion_is_impossible(resolver):
    """No name that resolves to South Korea mentions the North's name, and the reverse."""
    for key in resolver.names_for("KOR"):
        assert not {"democratic", "people's", "north", "dpr"} & set(key.split()), key
    for key in resolver.names_for("PRK"):
        assert "south" not in key.split() and key != "republic of korea", key


@pytest.mark.parametrize(
    ("name", "candidates", "fix"),
    [
        ("Korea", ("KOR", "PRK"), "data/countries/aliases.csv"),
        ("KOREA", ("KOR", "PRK"), "data/countries/aliases.csv"),
        ("Virgin Islands", ("VGB", "VIR"), "data/countries/aliases.csv"),
        ("Виргинские острова", ("VGB", "VIR"), "data/countries/aliases.csv"),
        ("AU", ("AUS", "AU"), "Set actor_type to 'state' or 'organization'"),
    ],
)
def test_ambiguous_names_are_refused_with_candidates(resolver, name, candidates, fix):
    with pytest.raises(NameNotResolved) as caught:
        resolver.resolve(name)
    error = caught.value
    assert (error.name, error.reason, error.candidates) == (name, "ambiguous", candidates)
    assert fix in str(error)
    assert all(f"{code} (" in str(error) for code in candidates)


def test_korea_message(resolver):
    code, error = resolver.try_resolve("Korea")
    assert code is None
    assert str(error) == (
        "Cannot resolve country name 'Korea': ambiguous between KOR (South Korea), "
        "PRK (North Korea). Add a row to data/countries/aliases.csv or write the ISO3 code "
        "in actor_iso3."
    )


@pytest.mark.parametrize("name", ["Atlantis", "", "   ", None, float("nan"), "Europe"])
def test_unknown_names_are_refused(resolver, name):
    code, error = resolver.try_resolve(name)
    assert code is None
    assert error.reason == "unknown" and error.candidates == ()
    assert "data/countries/aliases.csv" in str(error)


def test_unknown_name_suggests_close_names(resolver):
    _, error = resolver.try_resolve("Republic of Koera")
    assert "'republic of korea' (KOR)" in str(error)


@pytest.mark.parametrize(
    ("name", "actor_type", "expected"),
    [
        ("AU", "organization", "AU"),
        ("AU", "state", "AUS"),
        ("AU", "Organization ", "AU"),
        ("AU", "official", None),
        ("African Union", None, "AU"),
        ("Australia", None, "AUS"),
        ("Russia", "organization", None),
        ("EU", "state", None),
    ],
)
def test_actor_type_restricts_the_lookup(resolver, name, actor_type, expected):
    code, error = resolver.try_resolve(name, actor_type)
    assert code == expected
    assert (error is None) == (expected is not None)


def test_wrong_actor_type_is_explained(resolver):
    _, error = resolver.try_resolve("Russia", "organization")
    assert "it names a country" in str(error)
    assert "data/countries/organizations.csv" in str(error)


@pytest.mark.parametrize(
    "name",
    [
        "UN Secretary-General",
        "United Nations Secretary-General",
        "UN Secretary General",
        "UN Security Council",
        "United Nations",
        "the United Nations",
    ],
)
def test_un_bodies_resolve_to_un(resolver, name):
    assert resolver.resolve(name) == "UN"


@pytest.mark.parametrize(
    ("code", "count"),
    [
        ("EU", 27),
        ("UN", 193),
        ("AU", 55),
        ("OAS", 35),
        ("ECOWAS", 12),
        ("CELAC", 33),
        ("MERCOSUR", 6),
        ("ALBA", 10),
        ("NATO", 32),
        ("BRICS", 10),
        ("ASEAN", 11),
        ("GCC", 6),
        ("CARICOM", 15),
        ("LAS", 22),
        ("G7", 7),
        ("OIC", 57),
    ],
)
def test_organization_member_counts(resolver, code, count):
    organization = resolver.organization(code)
    assert len(organization.members) == count
    assert resolver.is_organization(code)


def test_un_members_are_the_un_list(resolver):
    assert set(resolver.organization("UN").members) == {
        r["iso3"] for r in UN_ROWS if r["status"] == "member"
    }
    assert "ESH" in resolver.organization("AU").members
    assert "TLS" in resolver.organization("ASEAN").members


def test_every_member_is_a_known_code(resolver):
    for organization in resolver.organizations():
        for member in organization.members:
            assert member in SPECIAL_CODES or pycountry.countries.get(alpha_3=member), member


def test_every_organization_name_resolves_to_its_organization(resolver):
    """Only "AU" is shared with a country (Australia's alpha-2); every other name is unique."""
    for row in _rows(ORGANIZATIONS_PATH):
        for name in [row["code"], row["name"], *row["aliases"].split("|")]:
            expected = None if name == "AU" else row["code"]
            assert resolver.try_resolve(name)[0] == expected, name
            assert resolver.resolve(name, "organization") == row["code"]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RUS", "Russia"),
        ("BOL", "Bolivia"),
        ("IRN", "Iran"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("VEN", "Venezuela"),
        ("CIV", "Côte d'Ivoire"),
        ("COD", "DR Congo"),
        ("COG", "Congo"),
        ("XKX", "Kosovo"),
        ("EU", "European Union"),
        ("UN", "United Nations"),
    ],
)
def test_country_name(resolver, code, name):
    assert resolver.country_name(code) == name


def test_every_un_member_has_a_short_display_name(resolver):
    for row in UN_ROWS:
        name = resolver.country_name(row["iso3"])
        assert "," not in name and "(" not in name, name


def test_unknown_codes_raise_key_error(resolver):
    with pytest.raises(KeyError, match="ZZZ"):
        resolver.country_name("ZZZ")
    with pytest.raises(KeyError, match="NATO"):
        resolver.organization("XX")


def test_resolve_series_returns_codes_and_errors_by_row(resolver):
    names = pd.Series(
        ["Russia", "Korea", None, "AU", "AU", "Russia"], index=[10, 11, 12, 13, 14, 15]
    )
    types = pd.Series([None, "state", None, "organization", None, "state"], index=names.index)
    codes, errors = resolver.resolve_series(names, types)
    assert codes.tolist() == ["RUS", None, None, "AU", None, "RUS"]
    assert codes.index.equals(names.index)
    assert sorted(errors) == [11, 12, 14]
    assert errors[11].candidates == ("KOR", "PRK")
    assert errors[14].candidates == ("AUS", "AU")


def test_resolve_series_on_many_rows(resolver):
    names = pd.Series(["Brasil", "Atlantis", "European Union"] * 20_000)
    codes, errors = resolver.resolve_series(names)
    assert codes.value_counts().to_dict() == {"BRA": 20_000, "EU": 20_000}
    assert len(errors) == 20_000 and all(i % 3 == 1 for i in errors)


def test_error_survives_pickling(resolver):
    _, error = resolver.try_resolve("Korea")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.name, copy.candidates, copy.reason, str(copy)) == (
        error.name,
        error.candidates,
        error.reason,
        str(error),
    )


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_alias_file_is_read_first_and_named_in_errors(tmp_path):
    aliases = _write(tmp_path / "aliases.csv", "alias,iso3,note\nMuscovy,RUS,historic\n")
    resolver = CountryResolver(aliases_path=aliases)
    assert resolver.resolve("Muscovy") == "RUS"
    assert resolver.resolve("Russian Federation") == "RUS"
    assert str(aliases) in str(resolver.try_resolve("Atlantis")[1])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("alias,iso3,note\nNarnia,NAR,x\n", "'NAR'"),
        ("alias,iso3,note\nRussia,RUS,x\nRUSSIA,RUS,y\n", "repeated"),
        ("name,iso3\nRussia,RUS\n", "header"),
    ],
)
def test_bad_alias_file_is_refused_naming_the_file(tmp_path, text, message):
    aliases = _write(tmp_path / "aliases.csv", text)
    with pytest.raises(ValueError, match=message) as caught:
        CountryResolver(aliases_path=aliases)
    assert str(aliases) in str(caught.value)


@pytest.mark.parametrize(
    ("members", "message"), [("FRA XXX", "'XXX'"), ("FRA FRA", "twice"), ("FRA", None)]
)
def test_organization_file_is_validated(tmp_path, members, message):
    orgs = _write(tmp_path / "orgs.csv", f"code,name,aliases,members\nXO,Ex Org,,{members}\n")
    if message is None:
        assert CountryResolver(organizations_path=orgs).organization("XO").members == ("FRA",)
        return
    with pytest.raises(ValueError, match=message):
        CountryResolver(organizations_path=orgs)


def test_organization_code_may_not_be_a_country_code(tmp_path):
    orgs = _write(tmp_path / "orgs.csv", "code,name,aliases,members\nCAN,Andean,,BOL PER\n")
    with pytest.raises(ValueError, match="'CAN'"):
        CountryResolver(organizations_path=orgs)


@given(st.text(max_size=40))
def test_try_resolve_never_raises(text):
    code, error = default_resolver().try_resolve(text)
    assert (code is None) != (error is None)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Federación de Rusia", "RUS"),
        ("Irán (República Islámica del)", "IRN"),
        ("República Democrática Popular Lao", "LAO"),
        ("República de Moldova", "MDA"),
        ("Nueva Zelandia", "NZL"),
        ("Países Bajos (Reino de los)", "NLD"),
        ("Pays-Bas (Royaume des)", "NLD"),
        ("Fédération de Russie", "RUS"),  # from pycountry's own French catalogue
        ("Estados Unidos de América", "USA"),
        ("République arabe syrienne", "SYR"),
    ],
)
def test_un_names_in_french_and_spanish_resolve(resolver, name, iso3):
    """A French or Spanish UN voting record names members by the UN's official names there."""
    assert resolver.resolve(name) == iso3
    assert resolver.resolve(name.upper(), "state") == iso3

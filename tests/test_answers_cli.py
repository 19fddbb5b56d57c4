"""publish takes a day as export does (contract.dates.parse_day, the one rule): 'today', a
year out of range or a day that does not exist is refused the same way by both (issue 19)."""

from __future__ import annotations

import pytest

from reactionmap.contract.dates import DAY_RULE

EVENT = "venezuela-2026-01"


@pytest.mark.parametrize("day", ["today", "1066-10-14", "2101-01-01", "2026-02-30", "2026-1-5"])
def test_publish_refuses_the_days_export_refuses(cli, tmp_path, day):
    out = tmp_path / "page"
    published = cli("publish", EVENT, "--as-of", day, "--out", str(out))
    exported = cli("export", EVENT, "--as-of", day)
    assert published[0] == exported[0] == 2
    message = f"{day!r} is not a day: write it {DAY_RULE}"
    assert message in published[2] and message in exported[2]
    assert not out.exists()


def test_publish_takes_a_day_in_range(cli, tmp_path):
    out = tmp_path / "page"
    code, stdout, _ = cli("publish", EVENT, "--as-of", "2026-01-04", "--out", str(out))
    assert code == 0 and (out / "index.html").is_file()

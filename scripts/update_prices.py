"""Writes data/genai-prices.json: the dated price history of every offering
that data/apis.toml takes from the genai-prices package, read from the
package installed in this Python (scripts/update-prices makes a throwaway
virtual environment for it). Prints what changed, offering by offering, and
the offerings genai-prices does not cover. The file is written only when
everything was read; any surprise stops the run and leaves it untouched.

    python update_prices.py VERSION
"""

import datetime
import decimal
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APIS = os.path.join(ROOT, "data", "apis.toml")
OUT = os.path.join(ROOT, "data", "genai-prices.json")

# genai-prices' per-million-token text prices, and the names Crossover gives them.
KEYS = {
    "input_mtok": "input",
    "cache_read_mtok": "cached_input",
    "cache_write_mtok": "cache_write",
    "output_mtok": "output",
}


class ShapeError(Exception):
    """genai-prices is not shaped as this script expects."""


def fail(message):
    print(f"update-prices: {message}; data/genai-prices.json left untouched", file=sys.stderr)
    sys.exit(1)


def price(value):
    """A Decimal, or TieredPrices, as exact decimal text."""
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):
        return {"base": str(value)}
    if hasattr(value, "base") and hasattr(value, "tiers"):
        return {
            "base": str(value.base),
            "tiers": [[int(t.start), str(t.price)] for t in value.tiers],
        }
    raise ShapeError(f"a price of type {type(value).__name__}")


def text_prices(model_price):
    out = {}
    for key, name in KEYS.items():
        if not hasattr(model_price, key):
            raise ShapeError(f"ModelPrice without {key}")
        value = price(getattr(model_price, key))
        if value is not None:
            out[name] = value
    return out


def start_date(constraint):
    """The start date of a constraint, None for none; False for a time-of-day one."""
    if constraint is None:
        return None
    kind = type(constraint).__name__
    if kind == "StartDateConstraint":
        return constraint.start_date.isoformat()
    if kind == "TimeOfDateConstraint":
        return False
    raise ShapeError(f"a constraint of type {kind}")


def history(model):
    """Dated prices, oldest first, and batch variants in genai-prices' order."""
    conditional = model.prices
    if type(conditional).__name__ == "ModelPrice":
        conditional = [type("Plain", (), {"constraint": None, "prices": conditional})]
    prices, skipped = [], 0
    for entry in conditional:
        start = start_date(entry.constraint)
        if start is False:
            skipped += 1
            continue
        prices.append({"from": start, **text_prices(entry.prices)})
    batch = []
    for variant in model.price_variants or ():
        if dict(variant.when) != {"processing": "batch"}:
            continue
        start = start_date(variant.constraint)
        if start is False:
            skipped += 1
            continue
        batch.append({"from": start, **text_prices(variant.prices)})
    return prices, batch, skipped


def current(entry):
    """The last dated price, for the change report."""
    if not entry["prices"]:
        return {}
    last = entry["prices"][-1]
    return {k: v["base"] for k, v in last.items() if k in KEYS.values()} | {"from": last["from"]}


def main():
    if len(sys.argv) != 2:
        fail("usage: update_prices.py VERSION")
    wanted_version = sys.argv[1]
    try:
        from importlib.metadata import version

        import genai_prices.data as data
    except ImportError as e:
        fail(f"genai-prices is not installed here ({e})")
    installed = version("genai-prices")
    if installed != wanted_version:
        fail(f"genai-prices {installed} is installed, not {wanted_version}")

    with open(APIS, "rb") as f:
        apis = tomllib.load(f)["api"]
    providers = {p.id: p for p in data.providers}
    entries, covered, not_covered, problems = [], set(), [], []
    for api in apis:
        ref = api.get("genai")
        if ref is None:
            not_covered.append(api["id"])
            continue
        key = (ref["provider"], ref["model"])
        if key in covered:
            continue
        provider = providers.get(ref["provider"])
        model = provider and next((m for m in provider.models if m.id == ref["model"]), None)
        if model is None:
            problems.append(f"{api['id']}: genai-prices {installed} has no {ref['provider']}/{ref['model']}")
            continue
        try:
            prices, batch, skipped = history(model)
        except (ShapeError, AttributeError) as e:
            fail(f"genai-prices {installed} changed shape at {ref['provider']}/{ref['model']}: {e}")
        covered.add(key)
        entries.append(
            {
                "provider": provider.id,
                "provider_name": provider.name,
                "pricing_url": (provider.pricing_urls or [None])[0],
                "model": model.id,
                "name": model.name,
                "context_window": model.context_window,
                "deprecated": bool(model.deprecated),
                "price_comments": model.price_comments,
                "time_of_day_prices_left_out": skipped,
                "prices": prices,
                "batch": batch,
            }
        )
    if problems:
        fail("\n  ".join(["offerings data/apis.toml selects that genai-prices lacks:"] + problems))
    entries.sort(key=lambda e: (e["provider"], e["model"]))

    old = None
    if os.path.exists(OUT):
        with open(OUT) as f:
            old = json.load(f)
    body = {
        "package": "genai-prices",
        "version": installed,
        "license": "MIT (data/LICENSE-genai-prices)",
        "written_by": "scripts/update-prices",
        "offerings": entries,
    }
    # The date of the run changes only with the content, so a rerun of the
    # same version reproduces the file byte for byte.
    unchanged = old is not None and {k: v for k, v in old.items() if k != "written_on"} == body
    written_on = old["written_on"] if unchanged else datetime.datetime.now(datetime.UTC).date().isoformat()
    document = {"written_on": written_on, **body}
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, OUT)

    before = {(e["provider"], e["model"]): e for e in (old or {}).get("offerings", [])}
    print(f"genai-prices {installed}: {len(entries)} offerings, written {written_on}")
    changes = 0
    for e in entries:
        key = (e["provider"], e["model"])
        was = before.get(key)
        if was is None:
            print(f"  new      {e['provider']}/{e['model']}: {current(e)}")
            changes += 1
        elif was != e:
            a, b = current(was), current(e)
            diff = ", ".join(f"{k} {a.get(k)} -> {b.get(k)}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k))
            print(f"  changed  {e['provider']}/{e['model']}: {diff or 'history or notes'}")
            changes += 1
    for key in sorted(set(before) - covered):
        print(f"  dropped  {key[0]}/{key[1]}")
        changes += 1
    if not changes:
        print("  no change")
    print(f"not covered by genai-prices (hand-entered in data/apis.toml, with their own source): {len(not_covered)}")
    for api_id in not_covered:
        print(f"  {api_id}")


if __name__ == "__main__":
    main()

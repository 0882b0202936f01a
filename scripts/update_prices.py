"""Writes data/genai-prices.json: the dated price history of every current
text-generation offering of the providers data/apis.toml imports
(`[[provider]]`), and of every offering it names (`[[offering]]`, retired
ones included so old links keep their price), read from the genai-prices
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
import re
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
# Prices that make an offering something other than text generation.
NOT_TEXT_PRICES = (
    "output_image_mtok",
    "output_audio_mtok",
    "output_video_mtok",
    "audio_hours",
    "input_audio_hours",
    "input_mchars",
)
# Model ids of speech, image, embedding, moderation and similar models that
# also list a text price, and of fine-tuned models' rates.
NOT_TEXT_IDS = re.compile(
    r"tts|embed|guard|moderat|ocr|transcri|whisper|realtime|live|image|rerank|sonic|voice|voxtral"
    r"|omni|vision-preview|computer-use|^ft:|\.ft-",
    re.IGNORECASE,
)
# Upstream sometimes stores a float's rounding error ("1.0399999999999998");
# the catalogue keeps millionths of a dollar.
MICRO = decimal.Decimal("0.000001")


class ShapeError(Exception):
    """genai-prices is not shaped as this script expects."""


def fail(message):
    print(f"update-prices: {message}; data/genai-prices.json left untouched", file=sys.stderr)
    sys.exit(1)


def decimal_text(value):
    """Exact decimal text, with a float's rounding error (below a billionth) removed."""
    rounded = value.quantize(MICRO)
    if rounded != value and abs(rounded - value) < decimal.Decimal("1e-9"):
        value = rounded.normalize()
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def price(value):
    """A Decimal, or TieredPrices, as exact decimal text."""
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):
        return {"base": decimal_text(value)}
    if hasattr(value, "base") and hasattr(value, "tiers"):
        return {
            "base": decimal_text(value.base),
            "tiers": [[int(t.start), decimal_text(t.price)] for t in value.tiers],
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


def constraint_of(constraint):
    """("date", day), ("hours", start, end) in UTC, or None for none."""
    if constraint is None:
        return None
    kind = type(constraint).__name__
    if kind == "StartDateConstraint":
        return ("date", constraint.start_date.isoformat())
    if kind == "TimeOfDateConstraint":
        times = []
        for t in (constraint.start_time, constraint.end_time):
            offset = t.utcoffset()
            if offset is None or offset.total_seconds() != 0 or t.second or t.microsecond:
                raise ShapeError(f"a time of day {t.isoformat()} not in whole UTC minutes")
            times.append(f"{t.hour:02}:{t.minute:02}")
        return ("hours", *times)
    raise ShapeError(f"a constraint of type {kind}")


def conditional(model):
    conditional = model.prices
    if type(conditional).__name__ == "ModelPrice":
        conditional = [type("Plain", (), {"constraint": None, "prices": conditional})]
    return conditional


def latest_standard(model):
    """The last price that is not limited to hours of the day."""
    entries = [e for e in conditional(model) if (constraint_of(e.constraint) or ("date",))[0] == "date"]
    return entries[-1].prices if entries else None


def is_text_generation(model):
    if NOT_TEXT_IDS.search(model.id):
        return False
    last = latest_standard(model)
    if last is None or getattr(last, "input_mtok", None) is None or getattr(last, "output_mtok", None) is None:
        return False
    return all(getattr(last, key, None) is None for key in NOT_TEXT_PRICES)


def history(model):
    """Dated prices oldest first, prices limited to hours of the day (UTC),
    and batch variants in genai-prices' order."""
    prices, hours = [], []
    for entry in conditional(model):
        c = constraint_of(entry.constraint)
        if c is not None and c[0] == "hours":
            hours.append({"utc_start": c[1], "utc_end": c[2], **text_prices(entry.prices)})
        else:
            prices.append({"from": c[1] if c else None, **text_prices(entry.prices)})
    batch = []
    for variant in model.price_variants or ():
        if dict(variant.when) != {"processing": "batch"}:
            continue
        c = constraint_of(variant.constraint)
        if c is not None and c[0] == "hours":
            raise ShapeError("a batch price limited to hours of the day")
        batch.append({"from": c[1] if c else None, **text_prices(variant.prices)})
    return prices, hours, batch


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
        apis = tomllib.load(f)
    imported = [p["genai"] for p in apis.get("provider", [])]
    named = {(o["genai"]["provider"], o["genai"]["model"]) for o in apis.get("offering", [])}
    providers = {p.id: p for p in data.providers}
    missing = [p for p in imported if p not in providers]
    if missing:
        fail(f"genai-prices {installed} has no provider {', '.join(missing)} that data/apis.toml imports")
    entries, problems = [], []
    for key in sorted(named):
        provider = providers.get(key[0])
        if provider is None or not any(m.id == key[1] for m in provider.models):
            problems.append(f"[[offering]] {key[0]}/{key[1]}: not in genai-prices {installed}")
    if problems:
        fail("\n  ".join(["offerings data/apis.toml names that genai-prices lacks:"] + problems))
    for provider_id in sorted(set(imported) | {k[0] for k in named}):
        provider = providers[provider_id]
        for model in provider.models:
            key = (provider.id, model.id)
            wanted = key in named or (provider.id in imported and not model.deprecated and is_text_generation(model))
            if not wanted:
                continue
            try:
                prices, hours, batch = history(model)
            except (ShapeError, AttributeError) as e:
                fail(f"genai-prices {installed} changed shape at {provider.id}/{model.id}: {e}")
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
                    "prices": prices,
                    "hours": hours,
                    "batch": batch,
                }
            )
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
    after = {(e["provider"], e["model"]) for e in entries}
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
    for key in sorted(set(before) - after):
        print(f"  dropped  {key[0]}/{key[1]}")
        changes += 1
    if not changes:
        print("  no change")
    hand = [a["id"] for a in apis.get("api", [])]
    print(f"not covered by genai-prices (hand-entered in data/apis.toml, with their own source): {len(hand)}")
    for api_id in hand:
        print(f"  {api_id}")


if __name__ == "__main__":
    main()

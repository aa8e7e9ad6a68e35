"""The stored model: trained once, by expectation maximisation, on generated people with known
truth (``synthetic``), and shipped with the package, for resolving sets of records that cannot
train a model of their own (too few, or without the duplicates EM learns from, such as one
year's referrals and intelligence).

``python -m nrm.intelligence.resolution.stored`` trains it again (after a change to the
comparisons or blocking rules: a test fails while the stored model and the settings disagree).
"""

import json
from pathlib import Path

from nrm.intelligence.resolution import settings
from nrm.intelligence.resolution.engine import Model, model_train
from nrm.intelligence.resolution.prepare import records_prepare
from nrm.intelligence.resolution.records import records_frame
from nrm.intelligence.resolution.synthetic import people_synthesise

STORED = Path(__file__).with_name("model.json")
TRAINING_RECORDS = 20_000
TRAINING_SEED = 2011  # not the seed the benchmark reports on


def model_stored() -> Model:
    """The shipped model."""
    return Model(splink_settings=json.loads(STORED.read_text(encoding="utf-8")))


def model_store(path: Path = STORED) -> Model:
    """Train the model on generated people and write it to ``path``."""
    table = people_synthesise(records=TRAINING_RECORDS, seed=TRAINING_SEED)
    model = model_train(prepared=records_prepare(frame=records_frame(records=table)))
    path.write_text(json.dumps(model.splink_settings, indent=1, sort_keys=True) + "\n")
    return model


def stored_matches_settings() -> bool:
    """Whether the stored model has the comparisons and blocking rules of ``settings``."""
    stored = model_stored().splink_settings
    fresh = settings.settings_dict()
    names = [c.get("output_column_name") for c in stored["comparisons"]]
    rules = [r["blocking_rule"] if isinstance(r, dict) else r
             for r in stored["blocking_rules_to_generate_predictions"]]  # fmt: skip
    return len(names) == len(fresh["comparisons"]) and rules == list(settings.BLOCKING_RULES)


if __name__ == "__main__":
    model_store()
    print(f"wrote {STORED}")

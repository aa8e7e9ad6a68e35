"""Training the Splink model and scoring pairs of person records, on DuckDB in memory."""

import logging
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
from splink import DuckDBAPI, Linker

from nrm.intelligence.resolution import settings

TOO_FEW_TO_TRAIN = (
    "{count} records are too few to train the resolution model (at least {minimum} are needed);"
    " pass a model trained on a larger set."
)
PAIR_COLUMNS = ["record_id_l", "record_id_r", "match_probability", "match_weight"]

logging.getLogger("splink").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Model:
    """A trained model: Splink's settings with their m and u probabilities and prior."""

    splink_settings: dict[str, Any]


def _linker(prepared: pd.DataFrame, model: dict[str, Any]) -> Linker:
    connection = duckdb.connect()
    connection.execute(f"SELECT setseed({(settings.SEED % 1000) / 1000})").fetchall()
    db_api = DuckDBAPI(connection)
    table = db_api.register(prepared, table_name="person_records")
    return Linker(table, model, log_level=None)


def model_train(*, prepared: pd.DataFrame) -> Model:
    """A model trained on ``prepared`` records (``prepare.records_prepare``): u from random
    pairs, m by expectation maximisation, the prior from deterministic rules."""
    if len(prepared) < settings.MIN_RECORDS_TO_TRAIN:
        raise ValueError(
            TOO_FEW_TO_TRAIN.format(count=len(prepared), minimum=settings.MIN_RECORDS_TO_TRAIN)
        )
    linker = _linker(prepared, settings.settings_dict())
    training = linker.training
    training.estimate_probability_two_random_records_match(
        list(settings.DETERMINISTIC_RULES), recall=settings.DETERMINISTIC_RECALL
    )
    training.estimate_u_using_random_sampling(max_pairs=settings.U_MAX_PAIRS, seed=settings.SEED)
    for rule in settings.TRAINING_RULES:
        training.estimate_parameters_using_expectation_maximisation(rule)
    return Model(splink_settings=linker.misc.save_model_to_json())


def pairs_score(*, prepared: pd.DataFrame, model: Model) -> pd.DataFrame:
    """Every blocked pair scoring at least ``settings.PAIRS_FLOOR``: record ids (the smaller
    on the left), match probability and weight, ordered by the two ids."""
    if len(prepared) < 2:
        return pd.DataFrame({column: [] for column in PAIR_COLUMNS})
    linker = _linker(prepared, model.splink_settings)
    predictions = linker.inference.predict(
        threshold_match_probability=settings.PAIRS_FLOOR, warning_mode="never"
    )
    relation = predictions.as_duckdbpyrelation()
    ordered = relation.query(
        "predictions",
        """
        SELECT least(unique_id_l, unique_id_r) AS record_id_l,
               greatest(unique_id_l, unique_id_r) AS record_id_r,
               match_probability, match_weight
        FROM predictions ORDER BY record_id_l, record_id_r
        """,
    )
    assert ordered is not None
    pairs = ordered.df()
    predictions.drop_table_from_database_and_remove_from_cache()
    return pairs

"""Person resolution: which referral and intelligence records are the same person.

A pure package (no models, no database): ``people_resolve`` takes person records and returns
scored pairs, the pairs matched automatically, the pairs for an analyst to review and the
resulting clusters (resolved people), linked by ``linking`` so that one wrong pair does not
chain two people together. The Splink model, its blocking rules, comparisons and
thresholds are in ``settings`` and ``comparisons``; ``synthetic`` generates people with known
truth and ``evaluation`` scores a resolution against it.
"""

from nrm.intelligence.resolution.clusters import clusters_from_pairs
from nrm.intelligence.resolution.engine import Model, model_train, pairs_score
from nrm.intelligence.resolution.linking import Linked, clusters_link
from nrm.intelligence.resolution.records import PersonRecord
from nrm.intelligence.resolution.resolve import Resolution, people_resolve

__all__ = [
    "Linked",
    "Model",
    "PersonRecord",
    "Resolution",
    "clusters_from_pairs",
    "clusters_link",
    "model_train",
    "pairs_score",
    "people_resolve",
]

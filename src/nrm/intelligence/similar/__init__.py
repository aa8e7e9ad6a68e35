"""Similar accounts: referral accounts (free text) that are near copies of one another.

A pure package (no models, no database). ``shingles`` holds the one normalisation rule and
turns an account into its set of hashed word 3-shingles; ``batch.similar_pairs`` finds every
pair of accounts at Jaccard similarity 0.8 or more exactly (All-Pairs with prefix filtering)
and ``batch.similar_clusters`` groups them; ``incremental.AccountIndex`` checks a new account
against every earlier one with MinHash LSH, each candidate confirmed by exact Jaccard;
``incremental.band_keys`` gives an account's band keys for an index kept in a database.
``synthetic`` generates accounts with planted near-copies and ``evaluation`` scores pairs
against the exact truth.
"""

from nrm.intelligence.similar.batch import THRESHOLD, Pair, similar_clusters, similar_pairs
from nrm.intelligence.similar.incremental import AccountIndex, band_keys, candidate_probability
from nrm.intelligence.similar.shingles import jaccard, shingle_hashes, shingles, words

__all__ = [
    "THRESHOLD",
    "AccountIndex",
    "Pair",
    "band_keys",
    "candidate_probability",
    "jaccard",
    "shingle_hashes",
    "shingles",
    "similar_clusters",
    "similar_pairs",
    "words",
]

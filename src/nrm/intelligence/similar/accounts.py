"""The accounts the engine takes: ids and texts, checked once with clear messages."""

from collections.abc import Iterable, Mapping

from nrm.intelligence.similar.shingles import shingle_hashes

Accounts = Mapping[str, str] | Iterable[tuple[str, str]]


def account_items(accounts: Accounts) -> list[tuple[str, str]]:
    """``accounts`` as a list of (id, text). An id that is not a string, or is given twice, and
    a text that is not a string are errors (TypeError, ValueError) naming the id."""
    items = list(accounts.items()) if isinstance(accounts, Mapping) else list(accounts)
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, tuple) or len(item) != 2:
            raise TypeError(f"Each account must be an (id, text) pair, not {item!r:.60}.")
        account_id, text = item
        if not isinstance(account_id, str):
            raise TypeError(f"An account id must be a string, not {type(account_id).__name__}.")
        if account_id in seen:
            raise ValueError(f"Account id {account_id!r} is given twice.")
        if not isinstance(text, str):
            raise TypeError(
                f"Account {account_id!r}: the text must be a str, not {type(text).__name__}."
            )
        seen.add(account_id)
    return items


def account_sets(accounts: Accounts) -> dict[str, frozenset[int]]:
    """The hashed shingle set of every account, by id (errors name the account)."""
    sets = {}
    for account_id, text in account_items(accounts):
        try:
            sets[account_id] = shingle_hashes(text)
        except ValueError as error:
            raise ValueError(f"Account {account_id!r}: {error}") from None
    return sets

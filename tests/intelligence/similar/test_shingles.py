import pytest

from nrm.intelligence.similar.shingles import (
    K,
    jaccard,
    shingle_hash,
    shingle_hashes,
    shingles,
    words,
)


def test_normalisation_ignores_case_punctuation_spacing_and_compatibility_forms() -> None:
    assert words("  He SAID: “Work, in the ﬁeld!”  ") == [
        "he",
        "said",
        "work",
        "in",
        "the",
        "field",
    ]
    assert words("\uff34\uff28\uff25 Strasse") == words("the STRASSE") == ["the", "strasse"]
    assert words("Straße") == ["strasse"]  # casefold, not lower
    assert words("my_name's-Ana") == ["my", "name", "s", "ana"]


def test_shingles_are_runs_of_k_words() -> None:
    assert K == 3
    assert shingles("One two three four") == {"one two three", "two three four"}
    assert shingles("one two three one two three") == {
        "one two three",
        "two three one",
        "three one two",
    }


def test_a_short_account_is_one_shingle_of_all_its_words() -> None:
    assert shingles("Declined.") == {"declined"}
    assert shingles("Declined to") == {"declined to"}
    assert shingles("declined to say") == {"declined to say"}
    assert shingles("No comment") != shingles("comment no")


def test_hashes_are_stable_64_bit_integers() -> None:
    value = shingle_hash("one two three")
    assert value == shingle_hash("one two three")
    assert 0 <= value < 2**64
    assert value != shingle_hash("one two four")
    assert shingle_hashes("One, two. THREE") == {value}


def test_jaccard() -> None:
    assert jaccard(frozenset({1, 2, 3, 4}), frozenset({1, 2, 3, 5})) == pytest.approx(3 / 5)
    assert jaccard(frozenset(), frozenset()) == 1.0
    assert jaccard(frozenset({1}), frozenset()) == 0.0


@pytest.mark.parametrize("text", ["", "   ", "?!…", "— — —"])
def test_an_account_without_words_is_a_clear_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="at least one word"):
        words(text)


@pytest.mark.parametrize("text", [None, 12, b"bytes", ["a", "list"]])
def test_an_account_that_is_not_text_is_a_clear_type_error(text: object) -> None:
    with pytest.raises(TypeError, match="must be text"):
        words(text)  # type: ignore[arg-type]

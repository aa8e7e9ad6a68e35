from nrm.intelligence.resolution.folding import name_fold, name_key


def test_vietnamese_diacritics_fold_to_plain_letters() -> None:
    assert name_fold("Nguyễn") == name_fold("Nguyen") == "nguyen"
    assert name_fold("Đặng Thị Thu") == "dang thi thu"


def test_other_alphabets_and_accents_fold_too() -> None:
    assert name_fold("Ștefan") == "stefan"
    assert name_fold("Łukasz Wiśniewski") == "lukasz wisniewski"
    assert name_fold("Shkëlzen Çela") == "shkelzen cela"
    assert name_fold("张伟") == "zhang wei"


def test_punctuation_goes_and_hyphens_become_spaces() -> None:
    assert name_fold("O'Brien-Smith") == "obrien smith"
    assert name_fold("  Anna   Maria ") == "anna maria"


def test_an_empty_or_missing_name_folds_to_nothing() -> None:
    assert name_fold(None) is None
    assert name_fold("") is None
    assert name_fold(" - ") is None


def test_transliterations_share_a_sound_key() -> None:
    assert name_key("Nguyễn") == name_key("Nguyen") == name_key("Ngyuen")
    assert name_key("Mohammed") == name_key("Muhammad") == name_key("Mohamed")
    assert name_key("Wojciech") == name_key("Vojciech")


def test_short_names_keep_their_vowels_so_they_stay_apart() -> None:
    assert name_key("Li") != name_key("Lei")
    assert name_key("Hu") != name_key("He")


def test_different_names_have_different_keys() -> None:
    assert name_key("Nguyen") != name_key("Tran")
    assert name_key("Popescu") != name_key("Ionescu")

from habeas.names.script import Script, char_script, detect_script


def test_latin_azerbaijani_letters_are_latin() -> None:
    assert detect_script("Mirqədirov Rauf Fazil oğlu") is Script.LATIN


def test_russian_name_is_cyrillic() -> None:
    assert detect_script("Рауф Миргадиров") is Script.CYRILLIC


def test_arabic_armenian_georgian() -> None:
    assert detect_script("محمد") is Script.ARABIC
    assert detect_script("Արամ") is Script.ARMENIAN
    assert detect_script("გიორგი") is Script.GEORGIAN


def test_mixed_scripts_and_no_letters() -> None:
    assert detect_script("Rauf Миргадиров") is Script.MIXED
    assert detect_script("1962, -") is Script.UNKNOWN


def test_digits_and_punctuation_have_no_script() -> None:
    assert char_script("1") is None
    assert char_script(".") is None
    assert Script.LATIN.value == "latn"

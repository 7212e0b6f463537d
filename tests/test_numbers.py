import pytest

from kg.numbers import cn_to_int, parse_number


@pytest.mark.parametrize(
    "text,value,approx,percent",
    [
        ("二十五", 25, False, False),
        ("两", 2, False, False),
        ("1.5万", 15000, False, False),
        ("三千余", 3000, True, False),
        ("百分之八十", 80, False, True),
        ("40余", 40, True, False),
        ("一百零五", 105, False, False),
        ("十", 10, False, False),
        ("2.97", 2.97, False, False),
        ("三万五千", 35000, False, False),
        ("80%", 80, False, True),
    ],
)
def test_numbers(text, value, approx, percent):
    n = parse_number(text)
    assert n is not None and n.value == value and n.approximate == approx and n.percent == percent


def test_digit_by_digit_years():
    assert cn_to_int("二〇二〇") == 2020


def test_not_a_number():
    assert parse_number("老旧") is None

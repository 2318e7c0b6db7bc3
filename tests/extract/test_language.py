"""The built-in language guess and tag normalisation."""

from __future__ import annotations

import pytest

from storyline.extract._language import guess_language, normalize_language_tag


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were held in Tokyo on Sunday and it was a cold day for all of them.", "en"),
        ("Die Gespräche wurden am Sonntag in Tokio geführt, und es war ein kalter Tag.", "de"),
        ("Les discussions ont eu lieu dimanche à Tokyo et il faisait froid pour tous.", "fr"),
        ("Las conversaciones se celebraron el domingo en Tokio y fue un día frío para los "
         "que estaban.", "es"),
        ("I colloqui si sono svolti domenica a Tokyo ed è stata una giornata fredda per "
         "tutti gli ospiti della città.", "it"),
        ("As conversas foram realizadas no domingo em Tóquio e foi um dia frio para os "
         "que estavam lá.", "pt"),
        ("De gesprekken werden zondag in Tokio gehouden en het was een koude dag voor de "
         "gasten.", "nl"),
        ("Переговоры прошли в воскресенье в Токио, и это был холодный день для всех.", "ru"),
        ("日曜日に東京で会談が行われ、寒い一日となりました。", "ja"),
        ("일요일 도쿄에서 회담이 열렸고 모두에게 추운 날이었다", "ko"),
        ("星期日在东京举行了会谈，对所有人来说都是寒冷的一天。", "zh"),
        ("Tokyo Moscow Beijing Seoul Paris Berlin", None),
        ("ok", None),
        ("", None),
    ],
)  # fmt: skip
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en-GB", "en"), ("de_DE", "de"), ("FR", "fr"), ("", None), (None, None), ("x", None),
     ("en, fr", "en"), ("123", None)],
)  # fmt: skip
def test_normalize_language_tag(tag: str | None, expected: str | None) -> None:
    assert normalize_language_tag(tag) == expected

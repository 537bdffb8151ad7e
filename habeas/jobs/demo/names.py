"""Name parts of the fictional demo country and the names built from them.

The parts are common Azerbaijani given names and surnames, each with its English
transliteration and Russian (Cyrillic) spelling; combined at random they make people
who do not exist. `REAL_NAMES` lists real political prisoners and public figures that
a combination must never reproduce.
"""

from __future__ import annotations

from dataclasses import dataclass

from habeas.domain.person import Gender, NameKind, PersonName, Script


@dataclass(frozen=True, slots=True)
class Part:
    """One name part in Azerbaijani (Latin), English and Russian spelling."""

    az: str
    en: str
    ru: str


def _parts(rows: str) -> tuple[Part, ...]:
    return tuple(Part(*line.split("|")) for line in rows.strip().splitlines())


MALE = _parts("""
Rəşad|Rashad|Рашад
Elnur|Elnur|Эльнур
Elçin|Elchin|Эльчин
Tural|Tural|Турал
Orxan|Orkhan|Орхан
Ramil|Ramil|Рамиль
Vüsal|Vusal|Вюсал
Anar|Anar|Анар
Emin|Emin|Эмин
Kamran|Kamran|Камран
Nicat|Nijat|Ниджат
Fərid|Farid|Фарид
Cavid|Javid|Джавид
Səbuhi|Sabuhi|Сабухи
Zaur|Zaur|Заур
Elşən|Elshan|Эльшан
Mübariz|Mubariz|Мубариз
Namiq|Namig|Намиг
Vaqif|Vagif|Вагиф
Rövşən|Rovshan|Ровшан
Şahin|Shahin|Шахин
Ceyhun|Jeyhun|Джейхун
Hüseyn|Huseyn|Гусейн
Murad|Murad|Мурад
Yaşar|Yashar|Яшар
Xəyal|Khayal|Хаял
Elvin|Elvin|Эльвин
Ülvi|Ulvi|Ульви
Qabil|Gabil|Габиль
Natiq|Natig|Натиг
Azər|Azer|Азер
Samir|Samir|Самир
Ruslan|Ruslan|Руслан
Bəxtiyar|Bakhtiyar|Бахтияр
Rüfət|Rufat|Руфат
Toğrul|Toghrul|Тогрул
Arif|Arif|Ариф
Oqtay|Ogtay|Октай
""")

FEMALE = _parts("""
Aynur|Aynur|Айнур
Günel|Gunel|Гюнель
Nərgiz|Nargiz|Наргиз
Səbinə|Sabina|Сабина
Aytən|Ayten|Айтен
Lalə|Lala|Лала
Sevinc|Sevinj|Севиндж
Şəhla|Shahla|Шахла
Nigar|Nigar|Нигяр
Ülviyyə|Ulviyya|Ульвия
Kəmalə|Kamala|Кямаля
Arzu|Arzu|Арзу
Fidan|Fidan|Фидан
Türkan|Turkan|Тюркан
Gülnar|Gulnar|Гюльнар
""")

SURNAMES = _parts("""
Əliyev|Aliyev|Алиев
Məmmədov|Mammadov|Мамедов
Hüseynov|Huseynov|Гусейнов
Həsənov|Hasanov|Гасанов
Quliyev|Guliyev|Кулиев
Həmidov|Hamidov|Гамидов
Abbasov|Abbasov|Аббасов
Rzayev|Rzayev|Рзаев
Kərimov|Karimov|Керимов
Nəsirov|Nasirov|Насиров
Babayev|Babayev|Бабаев
Cəfərov|Jafarov|Джафаров
Süleymanov|Suleymanov|Сулейманов
Orucov|Orujov|Оруджов
Vəliyev|Valiyev|Велиев
Bağırov|Bagirov|Багиров
Qasımov|Gasimov|Гасымов
Əhmədov|Ahmadov|Ахмедов
Nağıyev|Nagiyev|Нагиев
Mustafayev|Mustafayev|Мустафаев
Kazımov|Kazimov|Казымов
Zeynalov|Zeynalov|Зейналов
Hacıyev|Hajiyev|Гаджиев
İbrahimov|Ibrahimov|Ибрагимов
Səfərov|Safarov|Сафаров
Novruzov|Novruzov|Новрузов
Tağıyev|Taghiyev|Тагиев
Rüstəmov|Rustamov|Рустамов
Cabbarov|Jabbarov|Джаббаров
Yusifov|Yusifov|Юсифов
Əsgərli|Asgarli|Аскерли
Şirinli|Shirinli|Ширинли
Hüseynzadə|Huseynzade|Гусейнзаде
Əlizadə|Alizade|Ализаде
Tağızadə|Taghizade|Тагизаде
""")

RUSSIAN_STYLE = {
    "Aliyev": "Aliev",
    "Mammadov": "Mamedov",
    "Huseynov": "Guseynov",
    "Hasanov": "Gasanov",
    "Guliyev": "Kuliev",
    "Jafarov": "Dzhafarov",
    "Valiyev": "Veliev",
    "Hajiyev": "Gadzhiev",
    "Ahmadov": "Akhmedov",
    "Karimov": "Kerimov",
}
"""English spellings taken from the Russian form (Mamedov for Məmmədov), common in press."""

REAL_NAMES = frozenset(
    name.casefold()
    for name in (
        # DOMAIN.md and the shared fixtures
        "Rauf Mirgadirov",
        "Leyla Yunus",
        "Leyla Yunusova",
        "Arif Yunusov",
        "Hilal Mammadov",
        "Ilgar Mammadov",
        "Khadija Ismayilova",
        "Khadija Ismayil",
        "Mehman Aliyev",
        "Tofig Yagublu",
        "Tofiq Yaqublu",
        "Afgan Mukhtarli",
        "Elchin Mammad",
        "Elchin Mammadov",
        "Rashad Ramazanov",
        "Gozel Bayramli",
        "Fuad Qahramanli",
        "Ilham Aliyev",
        "Matanat Azizova",
        "Kamil Yunusov",
        "Jamil Hasanli",
        "Aqil Abbasov",
        "Agil Abbasov",
        # other political prisoners of the period, to stay clear of them
        "Anar Mammadli",
        "Rasul Jafarov",
        "Intigam Aliyev",
        "Emin Huseynov",
        "Mehman Huseynov",
        "Nijat Aliyev",
        "Rashad Hasanov",
        "Rashadat Akhundov",
        "Omar Mammadov",
        "Mammad Azizov",
        "Bayram Mammadov",
        "Giyas Ibrahimov",
        "Ilkin Rustamzade",
        "Abgul Suleymanov",
        "Taleh Baghirzade",
        "Faraj Karimli",
        "Araz Guliyev",
        "Yadigar Sadigov",
        "Murad Adilov",
        "Fuad Ahmadli",
        "Seymur Hazi",
        "Parviz Hashimli",
        "Elgiz Gahraman",
        "Natig Jafarli",
        "Ali Karimli",
        "Arif Hajili",
        "Tural Abbasli",
        "Elvin Isayev",
        "Jabbar Savalan",
        "Zaur Gurbanli",
        "Anar Mammadov",
    )
)


def feminine(surname: Part) -> Part:
    """The female form of a surname (-ov/-yev take -a; -li and -zadə do not change)."""
    if surname.az.endswith(("ov", "ev")):
        return Part(surname.az + "a", surname.en + "a", surname.ru + "а")
    return surname


@dataclass(frozen=True, slots=True)
class FullName:
    """A fictional person's name parts and gender."""

    given: Part
    surname: Part
    father: Part
    gender: Gender

    @property
    def family(self) -> Part:
        """The surname in the form for the person's gender."""
        return feminine(self.surname) if self.gender is Gender.FEMALE else self.surname

    @property
    def en(self) -> str:
        """Given name and surname in English."""
        return f"{self.given.en} {self.family.en}"

    @property
    def az(self) -> str:
        """Given name and surname in Azerbaijani."""
        return f"{self.given.az} {self.family.az}"

    def decree_line(self) -> str:
        """Surname-first with patronymic, as a decree writes it: Əliyev Rəşad Vaqif oğlu."""
        tie = "qızı" if self.gender is Gender.FEMALE else "oğlu"
        return f"{self.family.az} {self.given.az} {self.father.az} {tie}"

    def names(self, decree_style: bool, russian_style: bool) -> tuple[PersonName, ...]:
        """Azerbaijani official name, English and Russian transliterations, and variants."""
        names = [
            PersonName(self.az, Script.LATN, "az", NameKind.OFFICIAL),
            PersonName(self.en, Script.LATN, "en", NameKind.TRANSLITERATION),
            PersonName(f"{self.given.ru} {self.family.ru}", Script.CYRL, "ru"),
        ]
        if decree_style:
            tie = "кызы" if self.gender is Gender.FEMALE else "оглу"
            names.append(PersonName(self.decree_line(), Script.LATN, "az", NameKind.OFFICIAL))
            names.append(
                PersonName(
                    f"{self.family.ru} {self.given.ru} {self.father.ru} {tie}", Script.CYRL, "ru"
                )
            )
        variant = self.russian_style()
        if russian_style and variant:
            names.append(PersonName(f"{self.given.en} {variant}", Script.LATN, "en"))
        return tuple(names)

    def russian_style(self) -> str | None:
        """The surname spelt from its Russian form (Mamedova), when it differs."""
        variant = RUSSIAN_STYLE.get(self.surname.en)
        if variant is None:
            return None
        return variant + ("a" if self.gender is Gender.FEMALE else "")

    def spellings(self) -> set[str]:
        """Every given-name-plus-surname spelling, folded, to check against REAL_NAMES."""
        found = {self.en.casefold(), self.az.casefold()}
        variant = self.russian_style()
        if variant:
            found.add(f"{self.given.en} {variant}".casefold())
        return found

    def is_real(self) -> bool:
        """True when a spelling equals a real person's name in REAL_NAMES."""
        return bool(self.spellings() & REAL_NAMES)


_ORDINAL = {0: "cı", 1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci"}
_ORDINAL_TENS = {0: "ci", 1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci"}


def year_ordinal(year: int) -> str:
    """A year with its Azerbaijani ordinal suffix, by vowel harmony: 1984-cü, 1990-cı."""
    last, tens = year % 10, year // 10 % 10
    if last:
        suffix = "cu" if last == 9 else _ORDINAL[last]
    else:
        suffix = {8: "ci", 9: "cı"}.get(tens, _ORDINAL_TENS.get(tens, "ci"))
    return f"{year}-{suffix}"

"""Tables of the fictional demo country: name parts, institutions, charges, decrees, quotes.

The parts are common Azerbaijani given names and surnames, each with its English
transliteration and Russian (Cyrillic) spelling; combined at random they make people
who do not exist. `REAL_NAMES` lists real political prisoners and public figures that
a combination must never reproduce.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from habeas.domain.person import Gender, NameKind, PersonName, Script

FICTIONAL = "(fictional)"


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


OUTLETS = (
    "Velgrad Herald (fictional)",
    "Free Voice Radio (fictional)",
    "Caspian Ledger (fictional)",
    "Veldoria Today (fictional)",
    "Kür Valley News (fictional)",
)

AFFILIATIONS = {
    "journalist": (
        "Velgrad Herald (fictional)",
        "Free Voice Radio (fictional)",
        "Caspian Ledger (fictional)",
    ),
    "blogger": ("Sunrise Youth Movement (fictional)", "Velgrad Bloggers' Club (fictional)"),
    "activist": (
        "Sunrise Youth Movement (fictional)",
        "Veldoria Human Rights Club (fictional)",
        "Centre for Fair Elections (fictional)",
    ),
    "opposition party member": (
        "National Renewal Party of Veldoria (fictional)",
        "Veldoria Popular Front Party (fictional)",
    ),
    "lawyer": ("Velgrad Bar Association (fictional)",),
    "religious believer": ("Velgrad Believers' Community (fictional)",),
    "academic": ("Institute of History, Veldorian Academy of Sciences (fictional)",),
}

COURTS = (
    "Velgrad Grave Crimes Court (fictional)",
    "Velgrad District Court No. 2 (fictional)",
    "Sarıdağ District Court (fictional)",
)
APPEAL_COURT = "Velgrad Court of Appeal (fictional)"
DETENTION_CENTRE = "Velgrad Pre-trial Detention Centre No. 1 (fictional)"
SECURITY_DETENTION = "State Security Service detention facility, Velgrad (fictional)"
PRISONS = (
    "Penitentiary Institution No. 6, Qaratəpə (fictional)",
    "Penitentiary Institution No. 12, Velgrad (fictional)",
    "Penitentiary Institution No. 14, Sarıdağ (fictional)",
    "Penitentiary Institution No. 17, Kürdərə (fictional)",
    "Sarıdağ Closed Prison (fictional)",
)
PRISON_HOSPITAL = "Velgrad Prison Hospital (fictional)"

ARTICLES = {
    "274": "high treason",
    "206": "smuggling",
    "192": "illegal entrepreneurship",
    "193-1": "money laundering",
    "213": "tax evasion",
    "308": "abuse of office",
    "179": "appropriation or embezzlement",
    "178": "fraud",
    "320": "forgery",
    "221": "hooliganism",
    "233": "organising actions that breach public order",
    "220": "mass disorder",
    "315": "resisting a representative of authority",
    "283": "incitement of national, racial or religious hatred",
    "228": "illegal possession of weapons",
    "234": "illegal possession of narcotic drugs",
    "318": "illegal crossing of the state border",
}
OCCUPATIONS = {  # occupation: (how many, charge sets, PACE Res. 1900 criteria)
    "journalist": (19, (("192", "213", "308"), ("206", "192", "193-1"), ("274",)), "a, c, e"),
    "blogger": (15, (("234",), ("221",), ("234", "221")), "a, e"),
    "activist": (21, (("233", "221"), ("220", "315"), ("234",)), "a, b, e"),
    "opposition party member": (23, (("233", "220"), ("228",), ("234",)), "a, d, e"),
    "lawyer": (5, (("192", "213", "308", "320"), ("178", "179")), "a, e"),
    "religious believer": (15, (("228", "220"), ("283",), ("228", "283")), "a, d"),
    "academic": (6, (("274",), ("283", "318")), "a, c"),
}
ARREST_YEARS = {2013: 24, 2014: 32, 2015: 17, 2016: 10, 2017: 11, 2018: 6}
TERMS = (24, 36, 48, 60, 60, 72, 72, 84, 84, 96, 96, 108, 120, 144)
DECREES = (  # day, number, freed, halved, whether recognised prisoners are among them
    (date(2013, 3, 18), "78", 1, 1, True),
    (date(2013, 12, 26), "212", 2, 0, True),
    (date(2014, 3, 17), "301", 1, 2, True),
    (date(2014, 12, 29), "455", 1, 1, True),
    (date(2015, 3, 17), "512", 1, 1, True),
    (date(2015, 12, 28), "690", 1, 1, False),
    (date(2016, 3, 16), "803", 10, 4, True),
    (date(2016, 12, 28), "977", 2, 1, True),
    (date(2017, 3, 16), "1012", 3, 2, True),
    (date(2017, 12, 27), "1154", 1, 1, True),
    (date(2018, 5, 24), "1230", 8, 3, True),
    (date(2018, 12, 27), "1398", 3, 1, True),
)
QUOTES = {
    "arrest": "“They came at dawn and did not show any warrant,” a relative said.",
    "detention": "“The judge did not even read our motion,” the defence lawyer said.",
    "charge": "“There is no evidence in the file, only the investigator's opinion,” "
    "the lawyer said.",
    "trial": "“The courtroom was closed to journalists and diplomats,” an observer said.",
    "sentence": "“This verdict was written before the trial began,” a relative said outside "
    "the court.",
    "appeal": "“We will take the case to the European Court of Human Rights,” the lawyer said.",
    "transfer": "“We learned of the transfer only when our parcel was sent back,” a relative said.",
    "hunger_strike": "“I will not eat until my case is reviewed,” says a letter from prison.",
    "ill_treatment": "“There were bruises on the face and the arms,” the lawyer said after "
    "the visit.",
    "release": "“I never accepted the charges, and I never will,” the freed prisoner said.",
    "death_in_custody": "“We asked for a doctor for weeks and nobody came,” a relative said.",
    "court": "The written judgment, obtained by the defence, is quoted here in full.",
}


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

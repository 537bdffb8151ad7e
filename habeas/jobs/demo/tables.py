"""Tables of the fictional demo country: institutions, charges, decrees, quotes.

Everything here is invented except the criminal-code articles, which are real
Azerbaijani law so that the charges read true.
"""

from __future__ import annotations

from datetime import date

FICTIONAL = "(fictional)"
COUNTRY = "Republic of Veldoria (fictional)"
UNION = "Veldoria Political Prisoners Union (fictional)"
COMMITTEE = "Committee for Veldorian Detainees (fictional)"
PRESIDENCY = "Office of the President of the Republic of Veldoria (fictional)"
BIOGRAPHY = "Fictional person (demo data)."
START, END = date(2013, 1, 1), date(2018, 12, 31)
LAST_ARREST = date(2018, 9, 30)

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

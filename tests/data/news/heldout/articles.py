"""FICTIONAL held-out gold articles: written after the extraction rules were frozen and
scored blind (docs/news.md). Every name is invented. Built like ../articles.py by
../build.py --heldout."""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "dawn-raid",
        "published": "2020-10-15",
        "text": (
            "Security service detains three bloggers in dawn raids\n\n"
            "Officers of the State Security Service detained bloggers Ayaz Merin, Kenan "
            "Holl and Sevda Yarin in dawn raids on October 13, their families said.\n\n"
            "Merin's wife, Aysel Merin, said agents searched their flat for four hours. "
            "“They did not explain anything,” she told us.\n\n"
            "A court on Wednesday ordered all three to be held in pretrial detention for "
            "four months on charges of calls against the state."
        ),
        "persons": [
            ["ayaz_merin", "Ayaz Merin", ["Ayaz Merin", "Merin"], True],
            ["kenan_holl", "Kenan Holl", ["Kenan Holl"], True],
            ["sevda_yarin", "Sevda Yarin", ["Sevda Yarin"], True],
            ["aysel_merin", "Aysel Merin", ["Aysel Merin"], False],
        ],
        "events": [
            {"type": "detention", "person": "ayaz_merin", "date": "2020-10-13"},
            {"type": "detention", "person": "kenan_holl", "date": "2020-10-13"},
            {"type": "detention", "person": "sevda_yarin", "date": "2020-10-13"},
            {"type": "detention", "date": "2020-10-14", "charge": "calls against the state"},
        ],
        "quotes": [["“They did not explain", "aysel_merin"]],
    },
    {
        "slug": "freed-after-appeal",
        "published": "2019-07-03",
        "text": (
            "Appeal court frees jailed rapper\n\n"
            "The Supreme Court of Veldoria on Tuesday overturned the conviction of rapper "
            "Elnur Basko, who had been sentenced to four years in prison for drug "
            "trafficking in 2018. Basko was freed in the courtroom.\n\n"
            "“Justice has finally been done,” said his lawyer, Kamala Dern. Basko has always "
            "said the drugs were planted."
        ),
        "persons": [
            ["elnur_basko", "Elnur Basko", ["Elnur Basko", "Basko"], True],
            ["kamala_dern", "Kamala Dern", ["Kamala Dern"], False],
        ],
        "events": [
            {"type": "appeal", "person": "elnur_basko", "date": "2019-07-02"},
            {
                "type": "sentence",
                "person": "elnur_basko",
                "date": "2018",
                "charge": "drug trafficking",
                "term": 48,
            },
            {"type": "release", "person": "elnur_basko", "date": "2019-07-02"},
        ],
        "quotes": [["“Justice has finally", "kamala_dern"]],
    },
    {
        "slug": "will-not-be-released",
        "published": "2022-03-21",
        "text": (
            "No Novruz pardon for jailed journalists, lawyers fear\n\n"
            "Lawyers for jailed journalist Reza Tamm said on Monday they had no hope he would "
            "be pardoned this spring. Tamm, 44, is serving a seven-year sentence for "
            "extortion, a charge he rejects.\n\n"
            "“Nobody from our list has been released this year,” said Inga Paulsen of the "
            "Veldoria Press Freedom Group."
        ),
        "persons": [
            ["reza_tamm", "Reza Tamm", ["Reza Tamm", "Tamm"], True],
            ["inga_paulsen", "Inga Paulsen", ["Inga Paulsen"], False],
        ],
        "events": [
            {"type": "pardon", "person": "reza_tamm", "flags": ["hypothetical"]},
            {
                "type": "charge",
                "person": "reza_tamm",
                "charge": "extortion",
                "flags": ["disputed"],
                "optional": True,
            },
            {"type": "release", "flags": ["negated", "in_quote"]},
        ],
        "quotes": [["“Nobody from our list", "inga_paulsen"]],
    },
    {
        "slug": "tortured-confession",
        "published": "2017-12-12",
        "text": (
            "Activist says he was tortured into confessing\n\n"
            "Activist Mahir Solt told a Karsk court on Monday that police officers had "
            "tortured him after his arrest on September 30 to make him confess to "
            "possessing drugs.\n\n"
            "“They beat me for two days,” Solt said. The judge, Emil Varga, ordered no "
            "investigation. Solt faces up to twelve years in prison."
        ),
        "persons": [
            ["mahir_solt", "Mahir Solt", ["Mahir Solt", "Solt"], True],
            ["emil_varga", "Emil Varga", ["Emil Varga"], False],
        ],
        "events": [
            {"type": "ill_treatment", "person": "mahir_solt"},
            {"type": "arrest", "person": "mahir_solt", "date": "2017-09-30"},
            {"type": "ill_treatment", "person": "mahir_solt", "flags": ["in_quote"]},
            {
                "type": "sentence",
                "person": "mahir_solt",
                "flags": ["hypothetical"],
                "optional": True,
            },
        ],
        "quotes": [["“They beat me", "mahir_solt"]],
    },
    {
        "slug": "moved-to-hospital",
        "published": "2021-01-20",
        "text": (
            "Jailed scholar moved to prison hospital\n\n"
            "Jailed historian Zaur Pelt, 70, has been transferred to the prison hospital "
            "after his health deteriorated, his daughter Nigar Pelt said on Tuesday.\n\n"
            "Pelt was sentenced in 2019 to ten years for high treason. His family has asked "
            "President Anton Brel to pardon him on health grounds."
        ),
        "persons": [
            ["zaur_pelt", "Zaur Pelt", ["Zaur Pelt", "Pelt"], True],
            ["nigar_pelt", "Nigar Pelt", ["Nigar Pelt"], False],
            ["anton_brel", "Anton Brel", ["Anton Brel"], False],
        ],
        "events": [
            {"type": "transfer", "person": "zaur_pelt"},
            {
                "type": "sentence",
                "person": "zaur_pelt",
                "date": "2019",
                "charge": "high treason",
                "term": 120,
            },
            {"type": "pardon", "person": "zaur_pelt", "flags": ["hypothetical"]},
        ],
        "quotes": [],
    },
    {
        "slug": "monday-trial",
        "published": "2018-09-14",
        "text": (
            "Trial of opposition deputy to begin\n\n"
            "The trial of former opposition deputy Vusal Krane is due to begin on Monday at "
            "the Karsk Grave Crimes Court, his lawyer said. Krane was arrested on June 2 and "
            "charged with money laundering.\n\n"
            "His party says the case against him is “pure revenge” for his criticism of the "
            "government."
        ),
        "persons": [
            ["vusal_krane", "Vusal Krane", ["Vusal Krane", "Krane"], True],
        ],
        "events": [
            {
                "type": "trial",
                "person": "vusal_krane",
                "date": "2018-09-17",
                "flags": ["hypothetical"],
            },
            {"type": "arrest", "person": "vusal_krane", "date": "2018-06-02"},
            {"type": "charge", "person": "vusal_krane", "charge": "money laundering"},
        ],
        "quotes": [],
        "not_quotes": ["“pure revenge”"],
    },
    {
        "slug": "amnesty-decree-list",
        "published": "2016-03-17",
        "text": (
            "President pardons 148 prisoners, including two journalists\n\n"
            "President Anton Brel on Wednesday signed a decree pardoning 148 prisoners. "
            "Among those released on March 16 were journalists Tural Sorn and Parviz Ekk, "
            "the Veldoria Press Freedom Group said.\n\n"
            "“This is a good step, but more than 90 political prisoners remain behind bars,” "
            "the group's chair, Inga Paulsen, said."
        ),
        "persons": [
            ["anton_brel", "Anton Brel", ["Anton Brel"], False],
            ["tural_sorn", "Tural Sorn", ["Tural Sorn"], True],
            ["parviz_ekk", "Parviz Ekk", ["Parviz Ekk"], True],
            ["inga_paulsen", "Inga Paulsen", ["Inga Paulsen"], False],
        ],
        "events": [
            {"type": "decree", "issuer": "anton_brel", "date": "2016-03-16"},
            {"type": "release", "person": "tural_sorn", "date": "2016-03-16"},
            {"type": "release", "person": "parviz_ekk", "date": "2016-03-16"},
        ],
        "quotes": [["“This is a good step", "inga_paulsen"]],
    },
    {
        "slug": "wife-speaks",
        "published": "2023-11-08",
        "text": (
            "Wife of jailed engineer appeals to Europe\n\n"
            "Nargiz Holm, whose husband Elmar Holm was jailed for six years in 2022 for "
            "espionage, has written to European lawmakers asking for help.\n\n"
            "“My husband is an engineer. He has never seen a state secret in his life,” she "
            "wrote. Holm was arrested in May 2021."
        ),
        "persons": [
            ["nargiz_holm", "Nargiz Holm", ["Nargiz Holm"], False],
            ["elmar_holm", "Elmar Holm", ["Elmar Holm"], True],
        ],
        "events": [
            {
                "type": "sentence",
                "person": "elmar_holm",
                "date": "2022",
                "charge": "espionage",
                "term": 72,
            },
            {"type": "arrest", "person": "elmar_holm", "date": "2021-05"},
        ],
        "quotes": [["“My husband is an engineer", "nargiz_holm"]],
    },
]

"""FICTIONAL second held-out set: written after the general fixes that followed the first
held-out run, and scored blind once (docs/news.md). Every name is invented."""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "dateline-handed-sentence",
        "published": "2019-04-12",
        "text": (
            "KARSK, April 11 (Veldoria Wire) — A Karsk court on Thursday handed a seven-year "
            "prison sentence to opposition youth leader Elchin Morr on charges of "
            "organising mass disorder, his lawyer Sabina Kell said.\n\n"
            "Morr, 27, was detained in September after a rally against rising prices. He "
            "has denied the charges.\n\n"
            "“The verdict was written before the trial began,” Kell told Veldoria Wire."
        ),
        "persons": [
            ["elchin_morr", "Elchin Morr", ["Elchin Morr", "Morr"], True],
            ["sabina_kell", "Sabina Kell", ["Sabina Kell", "Kell"], False],
        ],
        "events": [
            {
                "type": "sentence",
                "person": "elchin_morr",
                "date": "2019-04-11",
                "charge": "organising mass disorder",
                "term": 84,
            },
            {"type": "detention", "person": "elchin_morr", "date": "2018-09"},
            {
                "type": "charge",
                "person": "elchin_morr",
                "charge": "organising mass disorder",
                "flags": ["disputed"],
                "optional": True,
            },
        ],
        "quotes": [["“The verdict was written", "sabina_kell"]],
    },
    {
        "slug": "acquitted",
        "published": "2020-02-27",
        "text": (
            "Court acquits poet after eight months in detention\n\n"
            "A court in the northern city of Vesh acquitted poet Laman Ostrik of "
            "hooliganism on Wednesday and ordered her immediate release. Ostrik had spent "
            "eight months in pretrial detention.\n\n"
            "“I never doubted that I was innocent,” Ostrik said as she left the court."
        ),
        "persons": [
            ["laman_ostrik", "Laman Ostrik", ["Laman Ostrik", "Ostrik"], True],
        ],
        "events": [
            {"type": "release", "person": "laman_ostrik", "date": "2020-02-26"},
        ],
        "quotes": [["“I never doubted", "laman_ostrik"]],
    },
    {
        "slug": "remanded",
        "published": "2021-06-04",
        "text": (
            "Human rights lawyer remanded in custody\n\n"
            "Karsk District Court on June 3 remanded human rights lawyer Togrul Venn in "
            "custody for three months pending trial on fraud charges. Venn, who represented "
            "several jailed journalists, was arrested at his office two days earlier.\n\n"
            "The Bar Association said it was “deeply concerned”."
        ),
        "persons": [
            ["togrul_venn", "Togrul Venn", ["Togrul Venn", "Venn"], True],
        ],
        "events": [
            {"type": "detention", "person": "togrul_venn", "date": "2021-06-03", "charge": "fraud"},
            {"type": "arrest", "person": "togrul_venn", "date": "2021-06-01"},
        ],
        "quotes": [],
        "not_quotes": ["“deeply concerned”"],
    },
    {
        "slug": "parole-denied",
        "published": "2018-08-22",
        "text": (
            "Jailed blogger denied early release\n\n"
            "A court on Tuesday refused to release jailed blogger Ramin Dast on parole, "
            "although he has served two thirds of his five-year term, his mother Sona Dast "
            "said.\n\n"
            "“They want him to stay until the last day,” she said. Dast was sentenced in "
            "2015 for drug possession."
        ),
        "persons": [
            ["ramin_dast", "Ramin Dast", ["Ramin Dast", "Dast"], True],
            ["sona_dast", "Sona Dast", ["Sona Dast"], False],
        ],
        "events": [
            {"type": "release", "person": "ramin_dast", "flags": ["negated"]},
            {
                "type": "sentence",
                "person": "ramin_dast",
                "date": "2015",
                "charge": "drug possession",
            },
        ],
        "quotes": [["“They want him to stay", "sona_dast"]],
    },
    {
        "slug": "disappeared-detained",
        "published": "2022-10-19",
        "text": (
            "Family says activist held incommunicado\n\n"
            "The family of activist Bahruz Telli says he has been held without access to a "
            "lawyer since police detained him on October 14. Police have not confirmed his "
            "detention.\n\n"
            "His sister, Gunay Telli, said officers also beat him during the arrest. "
            "“We saw the marks on his face in court,” she said."
        ),
        "persons": [
            ["bahruz_telli", "Bahruz Telli", ["Bahruz Telli", "Telli"], True],
            ["gunay_telli", "Gunay Telli", ["Gunay Telli"], False],
        ],
        "events": [
            {"type": "detention", "person": "bahruz_telli", "date": "2022-10-14"},
            {"type": "ill_treatment", "person": "bahruz_telli"},
        ],
        "quotes": [["“We saw the marks", "gunay_telli"]],
    },
    {
        "slug": "pardon-rumours",
        "published": "2017-05-26",
        "text": (
            "Rumours of pardon for jailed economist\n\n"
            "Supporters of jailed economist Fariz Orlov are hoping he could be among those "
            "pardoned ahead of Independence Day. Orlov, arrested in 2014, is serving an "
            "eight-year sentence for tax evasion.\n\n"
            "“Every year we hope, and every year nothing happens,” said his wife, Irada "
            "Orlova."
        ),
        "persons": [
            ["fariz_orlov", "Fariz Orlov", ["Fariz Orlov", "Orlov"], True],
            ["irada_orlova", "Irada Orlova", ["Irada Orlova"], False],
        ],
        "events": [
            {"type": "pardon", "person": "fariz_orlov", "flags": ["hypothetical"]},
            {"type": "arrest", "person": "fariz_orlov", "date": "2014"},
        ],
        "quotes": [["“Every year we hope", "irada_orlova"]],
    },
    {
        "slug": "death-hunger-strike",
        "published": "2023-03-02",
        "text": (
            "Prisoner dies after long hunger strike\n\n"
            "Jailed trade unionist Vidadi Sorel died in prison on February 28 after a "
            "hunger strike of 52 days, the Veldoria Prisoners Union said on Wednesday. "
            "Sorel had been sentenced to six years in 2021.\n\n"
            "Prison authorities said he had refused medical help."
        ),
        "persons": [
            ["vidadi_sorel", "Vidadi Sorel", ["Vidadi Sorel", "Sorel"], True],
        ],
        "events": [
            {"type": "death_in_custody", "person": "vidadi_sorel", "date": "2023-02-28"},
            {"type": "hunger_strike", "person": "vidadi_sorel", "optional": True},
            {"type": "sentence", "person": "vidadi_sorel", "date": "2021", "term": 72},
        ],
        "quotes": [],
    },
    {
        "slug": "two-quotes-one-speaker",
        "published": "2024-01-16",
        "text": (
            "Journalist freed, vows to continue work\n\n"
            "Journalist Aytan Rovs was released on January 15 after serving a two-year "
            "sentence for illegal border crossing.\n\n"
            "“Prison did not change my mind,” Rovs said. “I will write about the same "
            "things,” she added."
        ),
        "persons": [
            ["aytan_rovs", "Aytan Rovs", ["Aytan Rovs", "Rovs"], True],
        ],
        "events": [
            {"type": "release", "person": "aytan_rovs", "date": "2024-01-15"},
            {
                "type": "sentence",
                "person": "aytan_rovs",
                "charge": "illegal border crossing",
                "term": 24,
                "optional": True,
            },
        ],
        "quotes": [
            ["“Prison did not change", "aytan_rovs"],
            ["“I will write", "aytan_rovs"],
        ],
    },
]

"""FICTIONAL gold articles for the news extractor, in the style of real reporting.

Every person, place, court and organisation here is invented (the Republic of Veldoria,
the demo's fictional country); any likeness to real people is accidental. `build.py`
turns this list into `NN-slug.txt` + `NN-slug.gold.json` files in the seed article's gold
format (offsets computed from the text), which `tests/ingest/news/test_news_gold.py` and
`bench/news.py` score.

Conventions of the annotation (docs/news.md): one event per fact (a repeated mention of
the same fact is not a second event); a decree has an issuer and no person; an event
named by a noun with no person ("the pardoning") is not an event; flags follow the docs.
"""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "arrest-blogger",
        "published": "2016-03-02",
        "text": (
            "Blogger detained after protest video\n\n"
            "Police in Karsk arrested blogger Tamar Ostrava on Monday, hours after she posted "
            "a video of a protest outside the parliament, her husband Leon Ostrava said.\n\n"
            "“They came at six in the morning and took her phone and laptop,” he said. "
            "Officers did not show a warrant, he added.\n\n"
            "The Interior Ministry said Ostrava was held on suspicion of hooliganism. Her "
            "lawyer, Irena Vask, called the accusation absurd."
        ),
        "persons": [
            ["tamar_ostrava", "Tamar Ostrava", ["Tamar Ostrava", "Ostrava"], True],
            ["leon_ostrava", "Leon Ostrava", ["Leon Ostrava"], False],
            ["irena_vask", "Irena Vask", ["Irena Vask"], False],
        ],
        "events": [
            {"type": "arrest", "person": "tamar_ostrava", "date": "2016-02-29"},
        ],
        "quotes": [["“They came at six", "leon_ostrava"]],
    },
    {
        "slug": "sentence-editor",
        "published": "2017-06-15",
        "text": (
            "Editor jailed for nine years\n\n"
            "A court in Karsk on Wednesday sentenced newspaper editor Davit Marenko to nine "
            "years in prison for tax evasion and illegal entrepreneurship, charges his "
            "colleagues say are politically motivated.\n\n"
            "Judge Oskar Lind of the Karsk City Court read out the verdict in a half-empty "
            "courtroom. Marenko, 52, has been in custody since his arrest on March 3, 2016.\n\n"
            "“This sentence is revenge for our reporting,” said Mira Holt, Marenko's deputy "
            "at the paper."
        ),
        "persons": [
            ["davit_marenko", "Davit Marenko", ["Davit Marenko", "Marenko"], True],
            ["oskar_lind", "Oskar Lind", ["Oskar Lind"], False],
            ["mira_holt", "Mira Holt", ["Mira Holt"], False],
        ],
        "events": [
            {
                "type": "sentence",
                "person": "davit_marenko",
                "date": "2017-06-14",
                "charge": "tax evasion",
                "term": 108,
            },
            {
                "type": "charge",
                "person": "davit_marenko",
                "charge": "tax evasion",
                "flags": ["disputed"],
            },
            {"type": "arrest", "person": "davit_marenko", "date": "2016-03-03"},
        ],
        "quotes": [["“This sentence is revenge", "mira_holt"]],
    },
    {
        "slug": "release-pardon",
        "published": "2018-05-29",
        "text": (
            "Activist freed under pardon\n\n"
            "Opposition activist Ruslan Terez was released from prison on May 28, 2018, "
            "under a pardon decree signed the same day by President Anton Brel. Terez had "
            "served three years of a seven-year sentence.\n\n"
            "“I am grateful to everyone who did not forget me,” Terez told reporters outside "
            "the prison gates. His wife, Nina Terez, said the family would celebrate quietly."
        ),
        "persons": [
            ["ruslan_terez", "Ruslan Terez", ["Ruslan Terez", "Terez"], True],
            ["anton_brel", "Anton Brel", ["Anton Brel"], False],
            ["nina_terez", "Nina Terez", ["Nina Terez"], False],
        ],
        "events": [
            {"type": "release", "person": "ruslan_terez", "date": "2018-05-28"},
            {"type": "decree", "issuer": "anton_brel", "date": "2018-05-28"},
        ],
        "quotes": [["“I am grateful", "ruslan_terez"]],
    },
    {
        "slug": "hunger-strike",
        "published": "2016-11-10",
        "text": (
            "Jailed poet on hunger strike\n\n"
            "Jailed poet Samir Kadyrenko went on hunger strike on November 7 to protest "
            "against his transfer to a prison far from his family, his sister Lena "
            "Kadyrenko said on Thursday.\n\n"
            "She said: “He is drinking only water. We are afraid for his life.”\n\n"
            "The prison service said Kadyrenko was in good health and had been moved to "
            "Prison No. 12 for administrative reasons."
        ),
        "persons": [
            ["samir_kadyrenko", "Samir Kadyrenko", ["Samir Kadyrenko", "Kadyrenko"], True],
            ["lena_kadyrenko", "Lena Kadyrenko", ["Lena Kadyrenko"], False],
        ],
        "events": [
            {"type": "hunger_strike", "person": "samir_kadyrenko", "date": "2016-11-07"},
            {"type": "transfer", "person": "samir_kadyrenko"},
        ],
        "quotes": [["“He is drinking", "lena_kadyrenko"]],
    },
    {
        "slug": "death-in-custody",
        "published": "2019-02-04",
        "text": (
            "Prisoner dies in custody\n\n"
            "Imprisoned trade unionist Pavel Orsin died in custody on February 2, 2019, "
            "the prison service said. Orsin, 61, had complained of heart pain for weeks.\n\n"
            "“He was denied proper medical care,” his lawyer Teodor Blum told the Herald. "
            "Rights groups called for an independent investigation."
        ),
        "persons": [
            ["pavel_orsin", "Pavel Orsin", ["Pavel Orsin", "Orsin"], True],
            ["teodor_blum", "Teodor Blum", ["Teodor Blum"], False],
        ],
        "events": [
            {"type": "death_in_custody", "person": "pavel_orsin", "date": "2019-02-02"},
        ],
        "quotes": [["“He was denied", "teodor_blum"]],
    },
    {
        "slug": "appeal-upheld",
        "published": "2017-09-21",
        "text": (
            "Appeal court upholds sentence\n\n"
            "The Karsk Appeal Court on Tuesday upheld the six-year sentence of human rights "
            "defender Aida Marsh, convicted last year of fraud.\n\n"
            "Marsh appealed the verdict in February. Her lawyer, Paul Senn, said they would "
            "now take the case to the Supreme Court. “We will not give up,” he said."
        ),
        "persons": [
            ["aida_marsh", "Aida Marsh", ["Aida Marsh", "Marsh"], True],
            ["paul_senn", "Paul Senn", ["Paul Senn"], False],
        ],
        "events": [
            {"type": "appeal", "person": "aida_marsh", "date": "2017-09-19"},
            {"type": "appeal", "person": "aida_marsh", "date": "2017-02", "optional": True},
            {"type": "sentence", "person": "aida_marsh", "charge": "fraud", "optional": True},
        ],
        "quotes": [["“We will not give up", "paul_senn"]],
    },
    {
        "slug": "negated-release",
        "published": "2015-12-31",
        "text": (
            "No political prisoners in New Year pardon\n\n"
            "President Anton Brel signed a pardon decree on December 30 covering 140 "
            "prisoners. Jailed journalist Emin Rasko was not released, his brother said.\n\n"
            "“Emin was not freed, again,” Farid Rasko wrote on social media."
        ),
        "persons": [
            ["anton_brel", "Anton Brel", ["Anton Brel"], False],
            ["emin_rasko", "Emin Rasko", ["Emin Rasko"], True],
            ["farid_rasko", "Farid Rasko", ["Farid Rasko"], False],
        ],
        "events": [
            {"type": "decree", "issuer": "anton_brel", "date": "2015-12-30"},
            {"type": "release", "person": "emin_rasko", "flags": ["negated"]},
            {"type": "release", "person": "emin_rasko", "flags": ["negated", "in_quote"]},
        ],
        "quotes": [["“Emin was not freed", "farid_rasko"]],
    },
    {
        "slug": "hoped-release",
        "published": "2019-03-18",
        "text": (
            "Families hope for Novruz pardon\n\n"
            "Relatives of jailed opposition politician Kamran Velt hope he will be pardoned "
            "before the spring holiday. “We expect him to be released this week,” said his "
            "daughter, Sara Velt.\n\n"
            "Velt was arrested in June 2017 and sentenced to five years for mass disorder."
        ),
        "persons": [
            ["kamran_velt", "Kamran Velt", ["Kamran Velt", "Velt"], True],
            ["sara_velt", "Sara Velt", ["Sara Velt"], False],
        ],
        "events": [
            {"type": "pardon", "person": "kamran_velt", "flags": ["hypothetical"]},
            {
                "type": "release",
                "person": "kamran_velt",
                "flags": ["hypothetical", "in_quote"],
            },
            {"type": "arrest", "person": "kamran_velt", "date": "2017-06"},
            {
                "type": "sentence",
                "person": "kamran_velt",
                "charge": "mass disorder",
                "term": 60,
            },
        ],
        "quotes": [["“We expect him", "sara_velt"]],
    },
    {
        "slug": "habitual-amnesty",
        "published": "2018-05-10",
        "text": (
            "Parliament to debate amnesty\n\n"
            "Every year the Veldorian parliament passes an amnesty for Victory Day. This "
            "year, deputies are discussing whether political prisoners such as student "
            "leader Orhan Pell could be amnestied.\n\n"
            "Pell was detained on January 12, 2018, and charged with organising mass "
            "disorder."
        ),
        "persons": [
            ["orhan_pell", "Orhan Pell", ["Orhan Pell", "Pell"], True],
        ],
        "events": [
            {"type": "amnesty", "person": "orhan_pell", "flags": ["hypothetical"]},
            {"type": "detention", "person": "orhan_pell", "date": "2018-01-12"},
            {
                "type": "charge",
                "person": "orhan_pell",
                "charge": "organising mass disorder",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "ill-treatment",
        "published": "2020-07-08",
        "text": (
            "Lawyer says client was beaten\n\n"
            "Detained activist Gulnar Sefer was beaten by guards at the Karsk pretrial "
            "detention centre on July 5, her lawyer Artur Kemp said on Tuesday.\n\n"
            "“She had bruises on her arms and face,” Kemp said after visiting her. The "
            "prison service denied that Sefer had been mistreated."
        ),
        "persons": [
            ["gulnar_sefer", "Gulnar Sefer", ["Gulnar Sefer", "Sefer"], True],
            ["artur_kemp", "Artur Kemp", ["Artur Kemp", "Kemp"], False],
        ],
        "events": [
            {"type": "ill_treatment", "person": "gulnar_sefer", "date": "2020-07-05"},
            {"type": "ill_treatment", "person": "gulnar_sefer", "flags": ["negated"]},
        ],
        "quotes": [["“She had bruises", "artur_kemp"]],
    },
    {
        "slug": "trial-opens",
        "published": "2016-10-05",
        "text": (
            "Trial of economist opens\n\n"
            "The trial of economist Boris Almer on charges of high treason opened at the "
            "Karsk Grave Crimes Court on October 4. Almer, who was arrested in April, "
            "denies the charges.\n\n"
            "Outside the court, his wife Vera Almer told journalists that the case was "
            "“a fabrication from start to finish”."
        ),
        "persons": [
            ["boris_almer", "Boris Almer", ["Boris Almer", "Almer"], True],
            ["vera_almer", "Vera Almer", ["Vera Almer"], False],
        ],
        "events": [
            {
                "type": "trial",
                "person": "boris_almer",
                "date": "2016-10-04",
                "charge": "high treason",
            },
            {"type": "arrest", "person": "boris_almer", "date": "2016-04"},
            {
                "type": "charge",
                "person": "boris_almer",
                "charge": "high treason",
                "flags": ["disputed"],
                "optional": True,
            },
        ],
        "quotes": [["“a fabrication from start", "vera_almer"]],
    },
    {
        "slug": "counterfactual-quote",
        "published": "2021-03-20",
        "text": (
            "Opposition says pardon was for show\n\n"
            "Opposition leader Marta Quell said on Friday that the latest pardon decree "
            "was a gesture to foreign partners.\n\n"
            "“If the government were serious, it would have released Davit Marenko and "
            "the other journalists long ago,” Quell said. Marenko remains in prison."
        ),
        "persons": [
            ["marta_quell", "Marta Quell", ["Marta Quell", "Quell"], False],
            ["davit_marenko", "Davit Marenko", ["Davit Marenko", "Marenko"], True],
        ],
        "events": [
            {
                "type": "release",
                "person": "davit_marenko",
                "flags": ["hypothetical", "in_quote"],
            },
        ],
        "quotes": [["“If the government", "marta_quell"]],
    },
    {
        "slug": "charged-espionage",
        "published": "2016-08-19",
        "text": (
            "Researcher charged with espionage\n\n"
            "Prosecutors on Thursday charged researcher Elif Dorn with espionage, a charge "
            "her colleagues called baseless. Dorn was detained on August 11 at Karsk airport "
            "as she returned from a conference abroad.\n\n"
            "“Elif is a scientist, not a spy,” said Tomas Reich, the director of her institute."
        ),
        "persons": [
            ["elif_dorn", "Elif Dorn", ["Elif Dorn", "Dorn"], True],
            ["tomas_reich", "Tomas Reich", ["Tomas Reich"], False],
        ],
        "events": [
            {
                "type": "charge",
                "person": "elif_dorn",
                "date": "2016-08-18",
                "charge": "espionage",
                "flags": ["disputed"],
            },
            {"type": "detention", "person": "elif_dorn", "date": "2016-08-11"},
        ],
        "quotes": [["“Elif is a scientist", "tomas_reich"]],
    },
    {
        "slug": "transfer-colony",
        "published": "2018-02-14",
        "text": (
            "Jailed activist moved to remote prison\n\n"
            "Jailed activist Nurlan Oztek was transferred to a high-security prison in the "
            "mountain town of Vesh on February 12, his mother Zarina Oztek said.\n\n"
            "She said the family learned about the transfer only two days later. “Nobody "
            "told us anything,” she said."
        ),
        "persons": [
            ["nurlan_oztek", "Nurlan Oztek", ["Nurlan Oztek", "Oztek"], True],
            ["zarina_oztek", "Zarina Oztek", ["Zarina Oztek"], False],
        ],
        "events": [
            {"type": "transfer", "person": "nurlan_oztek", "date": "2018-02-12"},
        ],
        "quotes": [["“Nobody told us", "zarina_oztek"]],
    },
    {
        "slug": "amnesty-release",
        "published": "2019-05-10",
        "text": (
            "Amnesty frees dozens\n\n"
            "Dozens of prisoners were freed on May 9 under the Victory Day amnesty passed by "
            "parliament last week. Among them was blogger Farhad Linz, who had been jailed "
            "for two years for insulting the president.\n\n"
            "“It feels strange to walk without guards,” Linz said."
        ),
        "persons": [
            ["farhad_linz", "Farhad Linz", ["Farhad Linz", "Linz"], True],
        ],
        "events": [
            {"type": "release", "date": "2019-05-09"},
            {"type": "release", "person": "farhad_linz", "date": "2019-05-09"},
            {
                "type": "sentence",
                "person": "farhad_linz",
                "charge": "insulting the president",
                "term": 24,
                "optional": True,
            },
        ],
        "quotes": [["“It feels strange", "farhad_linz"]],
    },
    {
        "slug": "pronoun-speaker",
        "published": "2017-01-11",
        "text": (
            "Mother of jailed student speaks out\n\n"
            "Leyla Amani has not seen her son since he was arrested on December 20. The "
            "student, Ilkin Amani, is accused of drug possession, which his friends say was "
            "planted by police.\n\n"
            "“My son has never touched drugs,” she said, holding his photograph."
        ),
        "persons": [
            ["leyla_amani", "Leyla Amani", ["Leyla Amani"], False],
            ["ilkin_amani", "Ilkin Amani", ["Ilkin Amani"], True],
        ],
        "events": [
            {"type": "arrest", "person": "ilkin_amani", "date": "2016-12-20"},
            {
                "type": "charge",
                "person": "ilkin_amani",
                "charge": "drug possession",
                "flags": ["disputed"],
                "optional": True,
            },
        ],
        "quotes": [["“My son has never", "leyla_amani"]],
    },
    {
        "slug": "scare-quotes",
        "published": "2018-11-02",
        "text": (
            "Crackdown on “foreign agents”\n\n"
            "Authorities have detained three members of the so-called “Free Word” group "
            "since October, accusing them of working as “foreign agents”. Among them is "
            "translator Olga Brin, who was detained on October 29.\n\n"
            "Her colleague Viktor Hale said the label was meant to frighten others."
        ),
        "persons": [
            ["olga_brin", "Olga Brin", ["Olga Brin"], True],
            ["viktor_hale", "Viktor Hale", ["Viktor Hale"], False],
        ],
        "events": [
            {"type": "detention", "optional": True},
            {"type": "detention", "person": "olga_brin", "date": "2018-10-29"},
        ],
        "quotes": [],
        "not_quotes": ["“Free Word”", "“foreign agents”"],
    },
    {
        "slug": "sentence-suspended-life",
        "published": "2020-12-03",
        "text": (
            "Two verdicts in one day\n\n"
            "A Karsk court on December 2 sentenced former army officer Ramil Sorn to life "
            "imprisonment for high treason. On the same day, his co-defendant, the "
            "journalist Timur Vale, was sentenced to 18 months in prison for espionage.\n\n"
            "Vale's lawyer said he would appeal."
        ),
        "persons": [
            ["ramil_sorn", "Ramil Sorn", ["Ramil Sorn"], True],
            ["timur_vale", "Timur Vale", ["Timur Vale", "Vale"], True],
        ],
        "events": [
            {
                "type": "sentence",
                "person": "ramil_sorn",
                "date": "2020-12-02",
                "charge": "high treason",
            },
            {
                "type": "sentence",
                "person": "timur_vale",
                "date": "2020-12-02",
                "charge": "espionage",
                "term": 18,
            },
            {
                "type": "appeal",
                "person": "timur_vale",
                "flags": ["hypothetical"],
                "optional": True,
            },
        ],
        "quotes": [],
    },
    {
        "slug": "quote-before",
        "published": "2017-04-27",
        "text": (
            "Rights group demands release of lawyer\n\n"
            "The Veldoria Bar Watch called on Wednesday for the release of lawyer Selim "
            "Ordo, who was arrested last week after defending protesters in court.\n\n"
            "Its chairwoman, Helga Frey, said: “Arresting lawyers for doing their job is an "
            "attack on justice itself.”"
        ),
        "persons": [
            ["selim_ordo", "Selim Ordo", ["Selim Ordo"], True],
            ["helga_frey", "Helga Frey", ["Helga Frey"], False],
        ],
        "events": [
            {"type": "release", "person": "selim_ordo", "flags": ["hypothetical"]},
            {"type": "arrest", "person": "selim_ordo"},
        ],
        "quotes": [["“Arresting lawyers", "helga_frey"]],
    },
    {
        "slug": "yesterday-released",
        "published": "2021-09-15",
        "text": (
            "Journalist released after five years\n\n"
            "Investigative journalist Anar Tosk walked free yesterday after serving his full "
            "five-year sentence, his colleagues said. Tosk was released from Prison No. 6 "
            "shortly after noon.\n\n"
            "“I will go back to work,” Tosk said."
        ),
        "persons": [
            ["anar_tosk", "Anar Tosk", ["Anar Tosk", "Tosk"], True],
        ],
        "events": [
            {"type": "release", "person": "anar_tosk", "date": "2021-09-14"},
        ],
        "quotes": [["“I will go back", "anar_tosk"]],
    },
    {
        "slug": "negated-charge-dropped",
        "published": "2019-10-30",
        "text": (
            "Student activist released on bail\n\n"
            "Student activist Dilara Fenn was released on bail on October 28, a week after "
            "she was detained at a rally. She has not been charged, her lawyer said.\n\n"
            "Fenn told the Herald she would keep protesting."
        ),
        "persons": [
            ["dilara_fenn", "Dilara Fenn", ["Dilara Fenn", "Fenn"], True],
        ],
        "events": [
            {"type": "release", "person": "dilara_fenn", "date": "2019-10-28"},
            {"type": "detention", "person": "dilara_fenn", "date": "2019-10-21"},
            {"type": "charge", "person": "dilara_fenn", "flags": ["negated"]},
        ],
        "quotes": [],
    },
    {
        "slug": "decree-usually",
        "published": "2022-05-26",
        "text": (
            "No pardon this May\n\n"
            "President Anton Brel usually signs a pardon decree before Independence Day on "
            "May 28. Human rights defenders said on Wednesday that none had been signed yet "
            "this year.\n\n"
            "“We are still waiting,” said Lale Morn of the Veldoria Prisoners Union."
        ),
        "persons": [
            ["anton_brel", "Anton Brel", ["Anton Brel"], False],
            ["lale_morn", "Lale Morn", ["Lale Morn"], False],
        ],
        "events": [
            {"type": "decree", "issuer": "anton_brel", "flags": ["habitual"]},
            {"type": "decree", "flags": ["negated"], "optional": True},
        ],
        "quotes": [["“We are still waiting", "lale_morn"]],
    },
    {
        "slug": "detention-extended",
        "published": "2016-05-19",
        "text": (
            "Court extends detention of theologian\n\n"
            "The Karsk District Court on Wednesday extended the pretrial detention of "
            "theologian Yusif Brand by three months. Brand was detained on February 17 on "
            "charges of incitement, which he denies.\n\n"
            "“My client is being punished for his sermons,” said his lawyer, Anna Grell."
        ),
        "persons": [
            ["yusif_brand", "Yusif Brand", ["Yusif Brand", "Brand"], True],
            ["anna_grell", "Anna Grell", ["Anna Grell"], False],
        ],
        "events": [
            {"type": "detention", "person": "yusif_brand", "date": "2016-05-18"},
            {
                "type": "detention",
                "person": "yusif_brand",
                "date": "2016-02-17",
                "charge": "incitement",
            },
            {
                "type": "charge",
                "person": "yusif_brand",
                "charge": "incitement",
                "flags": ["disputed"],
                "optional": True,
            },
        ],
        "quotes": [["“My client is being punished", "anna_grell"]],
    },
    {
        "slug": "released-to-house-arrest",
        "published": "2023-02-09",
        "text": (
            "Economist moved to house arrest\n\n"
            "Jailed economist Gunel Rask was released to house arrest on February 8, 2023, "
            "after eleven months in pretrial detention, her family said.\n\n"
            "Rask, who suffers from asthma, had been on hunger strike for two weeks in "
            "January. “We are relieved but she is not free,” said her brother, Elvin Rask."
        ),
        "persons": [
            ["gunel_rask", "Gunel Rask", ["Gunel Rask", "Rask"], True],
            ["elvin_rask", "Elvin Rask", ["Elvin Rask"], False],
        ],
        "events": [
            {"type": "release", "person": "gunel_rask", "date": "2023-02-08"},
            {"type": "hunger_strike", "person": "gunel_rask", "date": "2023-01"},
        ],
        "quotes": [["“We are relieved", "elvin_rask"]],
    },
    {
        "slug": "group-arrest-no-names",
        "published": "2024-04-03",
        "text": (
            "Police detain protesters\n\n"
            "Police detained at least forty people at an unauthorised rally in central Karsk "
            "on Tuesday, witnesses said. Most were released within hours.\n\n"
            "Organiser Teymur Voss said the rally had been peaceful. “We only asked for "
            "fair elections,” he said."
        ),
        "persons": [
            ["teymur_voss", "Teymur Voss", ["Teymur Voss"], False],
        ],
        "events": [
            {"type": "detention", "date": "2024-04-02"},
            {"type": "release"},
        ],
        "quotes": [["“We only asked", "teymur_voss"]],
    },
    {
        "slug": "long-quote-inverted",
        "published": "2018-12-29",
        "text": (
            "Year ends with 120 political prisoners\n\n"
            "The Veldoria Prisoners Union counted 120 political prisoners at the end of "
            "2018, up from 95 a year earlier.\n\n"
            "“Every week someone new is arrested. The courts never acquit, and the "
            "president pardons only those who write letters of repentance,” says union "
            "coordinator Rafael Dunn."
        ),
        "persons": [
            ["rafael_dunn", "Rafael Dunn", ["Rafael Dunn"], False],
        ],
        "events": [
            {"type": "arrest", "flags": ["habitual", "in_quote"]},
            {"type": "release", "flags": ["negated", "habitual", "in_quote"]},
            {"type": "pardon", "issuer": None, "flags": ["habitual", "in_quote"]},
        ],
        "quotes": [["“Every week someone", "rafael_dunn"]],
    },
]

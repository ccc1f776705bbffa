"""The coder, table-driven: sentence -> the events it must (and must not) produce.

Each expected event is (code, source code, target code, modality); ``None`` is an actor the
text does not let us code. ``exact`` cases also forbid any other event.
"""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph import Pipeline
from tests.conftest import code_text

Expected = tuple[str, str | None, str | None, str]

DAY = dt.date(2024, 3, 14)  # a Thursday

CASES: list[tuple[str, str, list[Expected], bool]] = [
    # (tag, sentence, expected events, exact)
    (
        "active, leader, metonym",
        "Turkish President Recep Tayyip Erdogan visited Baghdad on Monday.",
        [("042", "TURGOV", "IRQGOV", "asserted")],
        True,
    ),
    (
        "agent + adjective",
        "Iranian drones attacked a US base in eastern Syria.",
        [("195", "IRNMIL", "USAMIL", "asserted")],
        True,
    ),
    (
        "passive",
        "A Syrian fighter jet was shot down by rebels near Idlib.",
        [("190", "SYRREB", "SYRMIL", "asserted")],
        True,
    ),
    (
        "headline passive",
        "Helicopter shot down by Houthis; crew captured",
        [("190", "YEMREB", "MIL", "asserted")],
        False,
    ),
    (
        "coordination, joint act",
        "Russia, Iran and Turkey signed an agreement on the Idlib ceasefire.",
        [
            ("057", "RUS", "IRN", "asserted"),
            ("057", "RUS", "TUR", "asserted"),
            ("057", "IRN", "TUR", "asserted"),
        ],
        True,
    ),
    (
        "coordinated subject",
        "Egypt and Qatar met with Hamas negotiators in Cairo.",
        # (Qatar meets Hamas in a third country, Egypt at home)
        [("040", "EGY", "PSEREB", "asserted"), ("044", "QAT", "PSEREB", "asserted")],
        True,
    ),
    (
        "negation",
        "Israel did not attack Iranian positions in Syria.",
        [("190", "ISRMIL", "IRNMIL", "negated")],
        True,
    ),
    (
        "future, metonym",
        "The Kremlin will host the Syrian foreign minister next week.",
        [("043", "RUSGOV", "SYRGOV", "future")],
        True,
    ),
    (
        "object owner",
        "Germany expelled the Russian ambassador on Tuesday.",
        [("161", "DEU", "RUSGOV", "asserted")],
        True,
    ),
    ("IGO", "The European Union imposed sanctions on Iran.", [("163", "IGOEUREEC", "IRN", "asserted")], True),
    (
        "group",
        "Hezbollah fired rockets at Israeli army positions.",
        [("194", "LBNREB", "ISRMIL", "asserted")],
        True,
    ),
    (
        "light verb + event noun",
        "Russian jets carried out air strikes against ISIL in Palmyra.",
        [("195", "RUSMIL", "IMGMUSISI", "asserted")],
        True,
    ),
    (
        "nominal event",
        "Israeli air strikes on Hezbollah targets shook the border villages.",
        [("195", "ISRMIL", "LBNREB", "asserted")],
        False,
    ),
    (
        "arrest, date",
        "Iraqi police arrested five ISIL members in Mosul on Friday.",
        [("173", "IRQCOP", "IMGMUSISI", "asserted")],
        True,
    ),
    ("dated leaders", "Putin met Assad in Moscow.", [("040", "RUSGOV", "SYRGOV", "asserted")], True),
    (
        "object control, request",
        "The minister urged Turkey to withdraw its troops from Syria.",
        [("0256", "GOV", "TUR", "asserted")],  # de-escalation; the withdrawal is in the code
        False,
    ),
    (
        "accusation",
        "France accused Russia of violating the ceasefire.",
        [("112", "FRA", "RUS", "asserted")],
        True,
    ),
    ("rejection", "Ukraine rejected the Russian proposal.", [("125", "UKR", "RUS", "asserted")], True),
    (
        "threat through an infinitive",
        "Russia threatened to strike Ukrainian ports.",
        [("138", "RUS", "UKR", "asserted")],  # the threatened strike is not an event of its own
        True,
    ),
    (
        "a threat takes the target of the act it threatens",
        "Belarus threatened to break off relations with Lithuania.",
        [("1313", "BLR", "LTU", "asserted")],
        True,
    ),
    (
        "a threat is made to whom its condition names",
        "Egypt threatened to close the border unless Israel withdrew its troops.",
        [("132", "EGY", "ISR", "asserted")],
        False,
    ),
    (
        "an agreement to act is one intent, coded by the act",
        "The Kenyan government agreed to reopen its border crossings.",
        [("0351", "KENGOV", None, "asserted")],
        True,
    ),
    (
        "reported demand: 'must' on the clause's subject",
        "Egypt said Israel must withdraw its troops from Gaza.",
        [("106", "EGY", "ISR", "asserted")],  # withdrawal, in the code
        True,
    ),
    (
        "reported appeal: 'should'",
        "The French minister said Germany should lift its restrictions on French goods.",
        [("0251", "FRAGOV", "DEU", "asserted")],  # easing of restrictions
        False,
    ),
    (
        "a joint act among several parties: one event per pair",
        "Intelligence reports are shared among Jordan, Egypt and Iraq.",
        [
            ("064", "JOR", "EGY", "asserted"),
            ("064", "JOR", "IRQ", "asserted"),
            ("064", "EGY", "IRQ", "asserted"),
        ],
        True,
    ),
    (
        "a phrasal verb before the bare verb's patterns: retaking implies the loser",
        "The Syrian army took back Jebel al-Akrad, Latakia province.",
        [("192", "SYRMIL", "SYRREB", "asserted")],
        True,
    ),
    (
        "the object's own phrase names the target before the verb's ('on Monday' is a day)",
        "The European Union lifted sanctions on Belarus on Monday.",
        [("085", "IGOEUREEC", "BLR", "asserted")],
        True,
    ),
    (
        "a bare role takes the country of the town its sentence names",
        "The US is reaching out to tribal elders before the battle for Mosul.",
        [("040", "USA", "IRQELI", "asserted")],
        False,
    ),
    (
        "an ethnic group is civilians of where it lives, not the state of its adjective",
        "Hundreds of ethnic Albanians demonstrated on Tuesday in Serbia.",
        [("141", "SRBCVL", "SRBGOV", "asserted")],
        True,
    ),
    (
        "a subject pronoun continues the last subject",
        "The Japanese prime minister telephoned the Turkish president on Tuesday. He condemned the attack.",
        [("041", "JPNGOV", "TURGOV", "asserted"), ("111", "JPNGOV", None, "asserted")],
        False,
    ),
    (
        "a harm promised on a condition is a threat",
        "The EU will impose sanctions on Belarus unless the prisoners are released.",
        # the condition is coded too, as hypothetical (prisoners are civilians)
        [("1312", "IGOEUREEC", "BLR", "asserted"), ("0841", None, "CVL", "hypothetical")],
        True,
    ),
    (
        "refusing to yield is the event (124x), not the yielding",
        "Iran and Hezbollah are unwilling to cede their authority to Damascus.",
        [("124", "IRN", "SYRGOV", "asserted"), ("124", "LBNREB", "SYRGOV", "asserted")],
        True,
    ),
    (
        "a refusal coded by what is refused",
        "Ukraine refused to meet Russian negotiators.",
        [("125", "UKR", "RUSGOV", "asserted")],
        True,
    ),
    (
        "a leader's name owns a government",
        "The Putin government criticized Ukraine.",
        [("111", "RUSGOV", "UKR", "asserted")],
        True,
    ),
    (
        "protest",
        "Thousands of protesters demonstrated against the Georgian government.",
        [("141", "GEOCVL", "GEOGOV", "asserted")],
        True,
    ),
    (
        "a protest with no target is against the government where it happens",
        "Hundreds of Iraqi students demonstrated in Kirkuk on Sunday.",
        [("141", "IRQCVL", "IRQGOV", "asserted")],
        False,
    ),
    ("aid", "Saudi Arabia sent humanitarian aid to Sudan.", [("073", "SAU", "SDN", "asserted")], True),
    ("opinion is not an event", "My guess is that the Americans will stay in Syria for years.", [], True),
    ("statement without addressee", "The spokesman said the talks were useful.", [], True),
    (
        "a sponsor is not an owner",
        "Iranian-backed militias fired rockets at the US base.",
        [("194", "REB", "USAMIL", "asserted")],
        True,
    ),
    (
        "reported future",
        "The spokesman said that Iran would expel two German diplomats.",
        [("161", "IRN", "DEUGOV", "future")],
        True,
    ),
    (
        "conditional",
        "Iran would expel German diplomats if Berlin refused.",
        [("161", "IRN", "DEUGOV", "hypothetical")],
        False,
    ),
    (
        "territorial gains",
        "Russian forces made gains near Bakhmut last week.",
        [("192", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "one role, two owners",
        "US and British forces shelled the town.",
        [("194", "USAMIL", None, "asserted"), ("194", "GBRMIL", None, "asserted")],
        True,
    ),
    (
        "two owners, joint act",
        "Senior Czech and Slovak officials met in Vienna.",
        [("044", "CZEGOV", "SVKGOV", "asserted")],
        True,
    ),
    (
        "demand that X",
        "China demanded that the United States cancel the arms sale.",
        [("100", "CHN", "USA", "asserted")],
        False,
    ),
    (
        "stated intent is 03x",
        "Norway is willing to send troops to Mali.",
        [("0332", "NOR", "MLI", "asserted")],
        True,
    ),
    (
        "offer to mediate",
        "Turkey offered to mediate between Russia and Ukraine.",
        [("039", "TUR", "RUS", "asserted"), ("039", "TUR", "UKR", "asserted")],
        False,
    ),
    (
        "scheduled act stays future",
        "The Syrian foreign minister will visit Baghdad next week.",
        [("042", "SYRGOV", "IRQGOV", "future")],
        True,
    ),
    (
        "a curfew is imposed on the place's population",
        "Turkish authorities imposed a curfew in the town of Cizre on Tuesday.",
        [("1723", "TURGOV", "TUR", "asserted")],
        True,
    ),
    (
        "martial law with no place is on the government's own country",
        "The Iraqi government declared martial law after the riots.",
        [("1724", "IRQGOV", "IRQ", "asserted")],
        True,
    ),
    (
        "a lifted state of emergency is eased for the country",
        "Egypt lifted the state of emergency.",
        [("0814", "EGY", "EGY", "asserted")],
        True,
    ),
    (
        "unattributed violence is coded to the place's country",
        "A roadside bomb near Kandahar killed three Canadian soldiers.",
        [("1833", "AFG", "CANMIL", "asserted")],
        True,
    ),
    (
        "unattributed violence in a passive sentence (by a car bomb: 1832)",
        "Two policemen were killed by a car bomb in Mosul.",
        [("1832", "IRQ", "IRQCOP", "asserted")],
        True,
    ),
    (
        "an arrest no one is named for is the authorities' where it happened",
        "A French aid worker was detained in Mali.",
        [("173", "MLI", "FRANGO", "asserted")],
        True,
    ),
    (
        "a sentence no one is named for is the authorities' too",
        "Two journalists were sentenced in Iran to ten years in prison.",
        [("116", "IRN", "IRNMED", "asserted")],
        True,
    ),
    (
        "what the arrested are said to have done is not reported as done",
        "A Danish tourist was arrested for spying for Russia and helping Hamas.",
        [("173", None, "DNK", "asserted")],
        True,
    ),
    (
        "a camp or school is whom it serves",
        "Gunmen torched a school for Afghan girls.",
        [("1712", "REB", "AFGCVL", "asserted")],
        True,
    ),
    (
        "a camp or school is whom it serves, passive",
        "A camp for Sudanese refugees was shelled.",
        [("194", None, "SDNCVL", "asserted")],
        True,
    ),
    (
        "an exchange of prisoners goes both ways",
        "Armenia and Azerbaijan swapped detainees.",
        [("0841", "ARM", "AZE", "asserted"), ("0841", "AZE", "ARM", "asserted")],
        True,
    ),
    (
        "aid let into a place is let to its country",
        "Sudan allowed aid convoys into Darfur.",
        [("0863", "SDN", "SDN", "asserted")],
        True,
    ),
    (
        "forces leaving a place at home have not left their country",
        "Ukrainian troops withdrew from Avdiivka.",
        [("0874", "UKRMIL", None, "asserted")],
        True,
    ),
    (
        "schoolchildren are civilians",
        "Gunmen abducted 40 schoolchildren in Kaduna.",
        [("181", "NGAREB", "NGACVL", "asserted")],
        True,
    ),
    (
        "an inquiry into conduct targets who is named for it (abuses: 092)",
        "Abuses by Ethiopian soldiers are being investigated by the United Nations.",
        [("092", "IGOUNO", "ETHMIL", "asserted")],
        True,
    ),
    (
        "conduct through its carrier noun",
        "UN investigators are examining allegations of abuses by Sudanese troops.",
        [("092", "IGOUNO", "SDNMIL", "asserted")],
        True,
    ),
    (
        "hundreds of civilians killed is a mass killing",
        "More than 300 civilians were killed by government troops in Darfur.",
        [("202", "SDNMIL", "SDNCVL", "asserted")],
        True,
    ),
    (
        "hundreds of fighters killed is combat",
        "The army killed hundreds of rebels.",
        [("190", "MIL", "REB", "asserted")],
        True,
    ),
    (
        "chemical weapons dropped",
        "Syrian warplanes dropped chlorine on the rebels.",
        [("2041", "SYRMIL", "SYRREB", "asserted")],
        True,
    ),
    (
        "armed men are irregulars, men alone civilians",
        "Armed men attacked a checkpoint in Kirkuk.",
        [("190", "IRQREB", "IRQMIL", "asserted")],
        True,
    ),
    (
        "a verb with a preposition's object: on strike",
        "Nigerian workers went on strike over fuel prices.",
        [("143", "NGALAB", "NGAGOV", "asserted")],
        True,
    ),
    (
        "a verb with a preposition's object: on alert",
        "Egypt's army is on alert.",
        [("152", "EGYMIL", None, "asserted")],
        True,
    ),
    (
        "a verb with a preposition's object: into custody, passive",
        "An Australian journalist was taken into custody by Chinese police in Beijing.",
        [("173", "CHNCOP", "AUSMED", "asserted")],
        True,
    ),
    (
        "protesters' violence is a riot",
        "Demonstrators attacked police with stones in Cairo.",
        [("145", "EGYCVL", "EGYCOP", "asserted")],
        True,
    ),
    (
        "an attack by aircraft is an air strike, on a base of the military",
        "Ukrainian drones struck a Russian airbase in Crimea.",
        [("195", "UKRMIL", "RUSMIL", "asserted")],
        True,
    ),
    (
        "a demand is coded by what it asks for",
        "The EU demanded that Russia withdraw its troops from Georgia.",
        [("106", "IGOEUREEC", "RUS", "asserted")],
        True,
    ),
    (
        "a demand for a leadership change",
        "The opposition demanded that the president step down.",
        [("1041", "OPP", "GOV", "asserted")],
        True,
    ),
    (
        "'they' continues the plural subject of the sentence before",
        "Kenyan troops raided a camp in Somalia. Hours later they were ambushed by militants.",
        [("190", "KENMIL", "SOM", "asserted"), ("190", "SOMREB", "KENMIL", "asserted")],
        False,
    ),
    (
        "under pressure from: the subject suffers the 'from' phrase's act",
        "The Kenyan government is under pressure from the opposition.",
        [("100", "KENOPP", "KENGOV", "asserted")],
        True,
    ),
    (
        "came under fire from",
        "The UN convoy came under fire from rebels near Goma.",
        [("190", "CODREB", "IGOUNO", "asserted")],
        True,
    ),
    (
        "a popular role addresses its own government",
        "Students demanded that the Kenyan parliament reject the bill.",
        [("100", "KENCVL", "KENLEG", "asserted")],
        False,
    ),
    (
        "a demand by no one on no one named is no event",
        "Kenya's deputy president refused to resign despite growing pressure.",
        [("1231", "KENGOV", None, "asserted")],
        True,
    ),
    (
        "a vowed act of repression is a threat",
        "The president vowed to crush the rebels.",
        [("137", "GOV", "REB", "asserted")],
        True,
    ),
    (
        "a sworn fight is a threat of force",
        "Ethnic Albanians have sworn to fight.",
        [("138", "CVL", None, "asserted")],
        True,
    ),
    (
        "aid sent to a place goes to its country",
        "The EU sent food aid to Gaza.",
        [("073", "IGOEUREEC", "PSE", "asserted")],
        True,
    ),
    (
        "restrictions imposed against a country's goods",
        "Italy imposed restrictions against Chinese goods.",
        [("172", "ITA", "CHN", "asserted")],
        True,
    ),
    (
        "readiness to impose martial law is a threat, on the country",
        "The Iraqi government said it is prepared to impose martial law.",
        [("1324", "IRQGOV", "IRQ", "asserted")],
        False,
    ),
    (
        "readiness denied is no threat",
        "The militias are ill prepared to fight without air support.",
        [("190", "REB", None, "asserted")],
        True,
    ),
    (
        "an offer's infinitive parsed as an adverbial clause",
        "Qatar offered on Monday to mediate between Sudan and Chad.",
        [("039", "QAT", "SDN", "asserted"), ("039", "QAT", "TCD", "asserted")],
        True,
    ),
    (
        "owning up to an act of one's own side is 015, on the act's target",
        "Tehran admitted that Iranian forces had shot down the Ukrainian airliner.",
        [("190", "IRNMIL", "UKR", "asserted"), ("015", "IRNGOV", "UKR", "asserted")],
        True,
    ),
    (
        "a war between two named sides is an event",
        "Russia's war against Ukraine entered its third year.",
        [("190", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "a foreign army takes a place from its country",
        "Turkish troops captured Afrin.",
        [("192", "TURMIL", "SYR", "asserted")],
        True,
    ),
    (
        "an army taking a place at home names no target",
        "Syrian troops captured Aleppo.",
        [("192", "SYRMIL", None, "asserted")],
        True,
    ),
    (
        "withdrawal from a place is from its country",
        "Russian troops withdrew from Kherson.",
        [("0874", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "ruled out: refused; Brussels is the EU",
        "Brussels ruled out lifting its sanctions on Minsk.",
        [("1244", "IGOEUREEC", "BLRGOV", "asserted")],
        True,
    ),
    (
        "junta and armed groups",
        "The junta declared a ceasefire with armed groups in Myanmar.",
        [("0871", "MMRGOV", "MMRREB", "asserted")],
        True,
    ),
    (
        "a role named by its example",
        "Shiite militias, such as the Badr Corps, attacked the base.",
        [("190", "IRQREBMUS", "MIL", "asserted")],
        True,
    ),
    (
        "'of' names the actor",
        "The withdrawal of Russian troops from Kherson surprised Kyiv.",
        [("0874", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "parties between",
        "Talks between Kyiv and Moscow resumed in Istanbul.",
        [("044", "UKRGOV", "RUSGOV", "asserted")],
        True,
    ),
    (
        "passive in a conjoined clause",
        "Iranian units advanced but were ambushed by ISIL near Palmyra.",
        [("190", "IMGMUSISI", "IRNMIL", "asserted")],
        True,
    ),
    ("headline passive, no agent", "Pilot executed;", [("1823", None, "MIL", "asserted")], True),
    (
        "dismiss an appeal: target is who made it",
        "The Georgian government dismissed an appeal from Armenia to reopen the pipeline.",
        [("120", "GEOGOV", "ARM", "asserted")],
        False,
    ),
    (
        "reject a request: target from 'from'",
        "Serbia turned down a request from Croatia for a joint patrol.",
        [("120", "SRB", "HRV", "asserted")],
        False,
    ),
    (
        "spurn a proposal",
        "Lithuania spurned a Belarusian proposal for border talks.",
        [("125", "LTU", "BLR", "asserted")],
        False,
    ),
    (
        "cancel restrictions (foreign journalists are not the country's own press)",
        "Kazakhstan cancelled restrictions on foreign journalists.",
        [("081", "KAZ", "MED", "asserted")],
        False,
    ),
    (
        "open a hearing into",
        "Argentine prosecutors opened a hearing into Bolivia's role in the smuggling ring.",
        [("090", "ARGJUD", "BOL", "asserted")],
        False,
    ),
    (
        "staged a strike: a labour strike, not a military one (lemma 'stag')",
        "Dock workers in Uruguay staged a strike against the government.",
        [("143", "URYLAB", "URYGOV", "asserted")],
        True,
    ),
    (
        "throw stones at",
        "Palestinian youths threw stones at Israeli police in the village of Beit Orna.",
        [("145", "PSECVL", "ISRCOP", "asserted")],
        False,
    ),
    (
        "put forces on alert",
        "Pakistan put its forces on high alert.",
        [("152", "PAKMIL", None, "asserted")],
        False,
    ),
    (
        "mobilise reserves",
        "Armenia mobilised reserves against Azerbaijan.",
        [("154", "ARMMIL", "AZE", "asserted")],
        False,
    ),
    (
        "force out",
        "Rebels forced out the Malian governor of Dorsa province.",
        [("174", "MLIREB", "MLIGOV", "asserted")],
        False,
    ),
    (
        "ban a newspaper",
        "The Tajik government banned the opposition newspaper.",
        [("1721", "TJKGOV", "TJKOPP", "asserted")],
        False,
    ),
    (
        "human shields",
        "Myanmar troops used villagers as human shields.",
        [("184", "MMRMIL", "MMRCVL", "asserted")],
        False,
    ),
    (
        "abuse detainees",
        "Libyan guards abused migrants at the Zintara detention centre.",
        [("182", "LBY", "CVL", "asserted")],  # migrants are not taken to be Libya's own people
        False,
    ),
    # Rules of 2026-11-24 (session 2): general grammar, each case invented for it.
    (
        "joint intent: each party's act targets the other",
        "The government and the rebels have agreed to allow humanitarian access to the valley.",
        [("0355", "GOV", "REB", "asserted"), ("0355", "REB", "GOV", "asserted")],
        True,
    ),
    (
        "frame noun carries the event noun's arguments",
        "The European Union began a mediation effort between Serbia and Kosovo.",
        [("045", "IGOEUREEC", "SRB", "asserted"), ("045", "IGOEUREEC", "XKX", "asserted")],
        True,
    ),
    (
        "the author of a rejected call is the target",
        "The United States rejected calls by Egypt to adopt the reforms.",
        [("120", "USA", "EGY", "asserted")],
        False,
    ),
    (
        "a measure's 'of' noun is the object",
        "The European Union imposed a fresh round of sanctions on Iran.",
        [("163", "IGOEUREEC", "IRN", "asserted")],
        True,
    ),
    (
        "a measure stands where the event noun would",
        "Russia launched a wave of air strikes on Kyiv.",
        [("195", "RUSMIL", "UKRGOV", "asserted")],
        True,
    ),
    (
        "a list of states misparsed as apposition",
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt severed diplomatic ties with Qatar.",
        [("161", "SAU", "QAT", "asserted"), ("161", "ARE", "QAT", "asserted"),
         ("161", "BHR", "QAT", "asserted"), ("161", "EGY", "QAT", "asserted")],
        True,
    ),
    (
        "civilians who protest demonstrate",
        "Students protested the new tuition law in Dhaka.",
        [("140", "BGDCVL", "BGDGOV", "asserted")],
        True,
    ),
    (
        "a state that protests complains officially",
        "The Kenyan government protested the decision.",
        [("114", "KENGOV", None, "asserted")],
        True,
    ),
    (
        "a pledge is an intent to cooperate",
        "Armenia made a firm commitment to Georgia on Monday.",
        [("030", "ARM", "GEO", "asserted")],
        True,
    ),
    (
        "an apposition names the actor its head does not",
        "The largest bloc in parliament, the Islamic Dawa Party, rejected the budget plan.",
        [("125", "IRQPTY", None, "asserted")],
        True,
    ),
    (
        "contributing troops, declared ready: an intent",
        "Ghana is ready to contribute 800 troops to the mission in Mali.",
        [("0334", "GHA", "MLI", "asserted")],
        False,
    ),
    (
        "evacuating the wounded is humanitarian aid",
        "Red Cross teams evacuated the wounded from the besieged Yemeni city of Taiz.",
        [("073", "NGOHLHIRC", "YEM", "asserted")],
        False,
    ),
    (
        "sharing expertise",
        "Cuba has been sharing medical expertise with Venezuela.",
        [("064", "CUB", "VEN", "asserted")],
        False,
    ),
    (
        "hosting a meeting between two parties",
        "Oman hosted a meeting between Iran and Saudi Arabia in Muscat.",
        [("045", "OMN", "IRN", "asserted"), ("045", "OMN", "SAU", "asserted")],
        False,
    ),
    (
        "an object's compound says what it is",
        "Azerbaijani troops violated the ceasefire agreement near the border.",
        [("196", "AZEMIL", None, "asserted")],
        True,
    ),
    (
        "aid announced is aid pledged",
        "Norway will provide emergency food aid to Sudan.",
        [("0333", "NOR", "SDN", "asserted")],
        True,
    ),
    (
        "a demand is made of the subject of the demanded clause, the people's of their own state",
        "Kenyan students demanded that parliament reject the finance bill.",
        [("100", "KENCVL", "KENLEG", "asserted")],
        False,
    ),
    (
        "a party addresses its own government",
        "The Georgian opposition party wrote to the president.",
        [("010", "GEOOPP", "GEOGOV", "asserted")],
        True,
    ),
    (
        "who flees a war does not wage it",
        "Thousands of Sudanese civilians fled the war in Darfur last year.",
        [],
        True,
    ),
    (
        "who tightens a siege lays it",
        "Ethiopian troops tightened their siege of the rebel-held town.",
        [("191", "ETHMIL", "ETHREB", "asserted")],
        False,
    ),
    (
        "a state's description in apposition is not another actor",
        "Iran, Russia's closest ally, condemned the bombing of the city.",
        [("111", "IRN", None, "asserted")],
        True,
    ),
    # Rules of 2026-11-24 (session 3), each case invented for it.
    (
        "an actor announcing its own harmful act threatens it",
        "The Iranian foreign ministry said Iran would expel the British ambassador.",
        [("1313", "IRN", "GBRGOV", "asserted")],
        True,
    ),
    (
        "an actor announcing its own concession states an intent to yield",
        "Egypt will reopen the Rafah crossing on Saturday, Egyptian officials said.",
        [("0351", "EGY", None, "asserted")],
        True,
    ),
    (
        "a scheduled act others report stays itself, in the future",
        "Russia will hold talks with Ukraine next week, diplomats said.",
        [("040", "RUS", "UKR", "future")],
        True,
    ),
    (
        "a car bomb's killing is a car bombing",
        "A car bomb near the city of Kirkuk killed four policemen.",
        [("1832", "IRQ", "IRQCOP", "asserted")],
        True,
    ),
    (
        "a suicide bomber is a militant and a suicide bombing, not an aircraft",
        "A suicide bomber killed twelve worshippers at a mosque in Kabul.",
        [("1831", "AFGREB", "AFGCVL", "asserted")],
        True,
    ),
    (
        "bombers alone are aircraft",
        "Russian bombers struck targets near Raqqa.",
        [("195", "RUSMIL", "SYR", "asserted")],
        True,
    ),
    (
        "the bomb a bombing verb names gives its kind",
        "Al-Shabaab detonated two car bombs outside the education ministry in Mogadishu.",
        [("1832", "SOMREBMUS", "SOMGOV", "asserted")],
        True,
    ),
    (
        "a participle continues its clause: the bomb's kind and the clause's place",
        "A roadside bomb tore through a Kenyan army convoy in Mandera, killing six soldiers.",
        [("1833", "KEN", "KENMIL", "asserted")],
        False,
    ),
    (
        "a sponsor inside a phrase is not the phrase's actor",
        "A US airstrike on the headquarters of an Iran-backed Iraqi militia killed several fighters.",
        [("195", "USAMIL", "IRQREB", "asserted")],
        False,
    ),
    (
        "an armed group's affiliates are the group",
        "Al-Qaeda-linked militants attacked a village in central Mali, killing five civilians.",
        [("190", "IMGMUSALQ", "MLICVL", "asserted")],
        False,
    ),
    (
        "an own harm announced on a condition stays a threat to whom it binds",
        "Nigeria announced that it will withdraw its troops from Chad unless the rebels accept a ceasefire.",
        [("130", "NGAMIL", "TCD", "asserted")],
        False,
    ),
    (
        "a verb carrying a violent event noun is that event, and its object the event's place",
        "Russian air strikes hit Idlib.",
        [("195", "RUSMIL", "SYR", "asserted")],
        True,
    ),
    (
        "the place an act of force strikes",
        "Russian artillery shelled Mariupol.",
        [("194", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "a warning that names its subject again threatens the act it governs",
        "Morocco warned that it would recall its ambassador from Spain.",
        [("1313", "MAR", "ESP", "asserted")],
        True,
    ),
    (
        "a message's participle is what its sender does, to whom it is sent",
        "The Kurdish parliament sent a letter to the Iraqi prime minister urging him to pay salaries.",
        [("020", "IRQLEG", "IRQGOV", "asserted")],
        False,
    ),
    (
        "a statement condemning: the issuer condemns",
        "Jordan's foreign ministry issued a statement condemning the Israeli raid on Jenin.",
        [("111", "JORGOV", "ISR", "asserted")],
        True,
    ),
    (
        "what an appeal asks for is requested, and the appeal made to whom it asks to act",
        "Iraq asked for Russian air strikes on ISIS.",
        [("020", "IRQ", "RUSMIL", "asserted")],
        True,
    ),
    (
        "what a subject receives from someone, that one gives it",
        "Armenia received security guarantees from France on Monday.",
        [("030", "FRA", "ARM", "asserted")],
        True,
    ),
    (
        "received aid is aid given, not a visit hosted",
        "Ukraine received military aid from Germany.",
        [("072", "DEU", "UKR", "asserted")],
        True,
    ),
    (
        "received a person: hosted",
        "Putin received the Iranian president in the Kremlin.",
        [("043", "RUSGOV", "IRNGOV", "asserted")],
        True,
    ),
    (
        "captured matériel is confiscated, not territory taken",
        "Ukrainian troops captured dozens of Russian tanks near Izium.",
        [("1711", "UKRMIL", "RUSMIL", "asserted")],
        True,
    ),
    (
        "a passive capture in a chain of verbs takes the first verb's subject",
        "A Syrian army tank was hit by a missile and then captured by ISIL near Raqqa.",
        [("1711", "IMGMUSISI", "SYRMIL", "asserted")],
        False,
    ),
    (
        "a place the parser hung as an adverb is still the place taken",
        "Russian troops captured Bakhmut.",
        [("192", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "an actor announcing it will not yield refuses to",
        "Israel will not withdraw from the Golan Heights, the Israeli prime minister said.",
        [("1246", "ISR", None, "asserted")],
        True,
    ),
    (
        "a fact that something was not done stays a negated event",
        "Russia has not withdrawn its troops from Moldova.",
        [("0874", "RUSMIL", "MDA", "negated")],
        True,
    ),
    (
        "a chain of governed acts passes its target up",
        "Hungary has refused to commit to any military assistance to Ukraine.",
        [("120", "HUN", "UKR", "asserted")],
        False,
    ),
    (
        "a particle the parser read as a preposition ('out of')",
        "Khartoum forced the World Food Programme out of the country.",
        [("166", "SDNGOV", "IGOUNO", "asserted")],
        True,
    ),
    (
        "a threat made abroad, to no one named, is made to the place's country",
        "Hamas threatened on Monday to resume its activities in Israel.",
        [("130", "PSEREB", "ISR", "asserted")],
        True,
    ),
    (
        "a broker is no party to the deal",
        "Turkey signed a UN-brokered deal with Iraq.",
        [("057", "TUR", "IRQ", "asserted")],
        True,
    ),
    (
        "restraint asked of each party: an appeal to de-escalate, to each",
        "The UN urged India and Pakistan to exercise restraint.",
        [("0256", "IGOUNO", "IND", "asserted"), ("0256", "IGOUNO", "PAK", "asserted")],
        False,
    ),
    (
        "quitting with no object is resigning (here asked for: in the demand's code)",
        "Protesters demanded that the prime minister quit.",
        [("1041", "CVL", "GOV", "asserted")],
        True,
    ),
    (
        "quitting an alliance breaks relations with it",
        "Hungary threatened to quit the European Union.",
        [("1313", "HUN", "IGOEUREEC", "asserted")],
        True,
    ),
    (
        "forces pulling out of a city in another country leave that country",
        "Russian troops pulled out of the city of Kherson.",
        [("0874", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "workers strike, they do not attack",
        "Union leaders called a strike in Lagos.",
        [("143", "NGALAB", "NGAGOV", "asserted")],
        True,
    ),
    (
        "a group's leader named by title before an unknown name is the group",
        "Hezbollah political chief Ali Haidar assassinated in Beirut",
        [("186", "LBN", "LBNREB", "asserted")],
        True,
    ),
    (
        "an airdrop is aid given where it falls",
        "Jordanian planes airdrop food parcels over northern Gaza",
        [("073", "JORMIL", "PSE", "asserted")],
        True,
    ),
    (
        "who is at a protest takes part in it",
        "Thousands of Kenyans gathered for a rally in Nairobi.",
        [("141", "KENCVL", "KENGOV", "asserted")],
        True,
    ),
    (
        "a protest against conduct is against whoever the conduct is named for",
        "Kurdish youths threw stones during demonstrations against abuses by Turkish police.",
        [("141", "CVL", "TURCOP", "asserted")],
        False,
    ),
    (
        "deployed thousands of police: the count's 'of' noun is what is deployed",
        "Pakistani authorities deployed thousands of police officers in Lahore.",
        [("153", "PAKGOV", None, "asserted")],
        True,
    ),
    (
        "drills staged (lemma 'stag') are military exercises",
        "Chinese warships staged drills near Taiwan.",
        [("150", "CHNMIL", "TWN", "asserted")],
        True,
    ),
    (
        "an event noun naming a kind of actor is no event",
        "Riot police detained dozens of students in Dhaka.",
        [("173", "BGDCOP", "BGDCVL", "asserted")],
        True,
    ),
    (
        "who travels for talks takes part in them, with whom they name",
        "The Egyptian foreign minister flew to Ankara for talks with his Turkish counterpart.",
        [("042", "EGYGOV", "TURGOV", "asserted"), ("040", "EGYGOV", "TURGOV", "asserted")],
        True,
    ),
    (
        "coordinated travellers for talks meet each other, with the verb's modality",
        "Indian and Pakistani diplomats will return to Geneva next month for talks.",
        [("040", "INDGOV", "PAKGOV", "future")],
        True,
    ),
    (
        "calling for talks is no attendance",
        "Brazil called for talks between the two sides.",
        [],
        False,
    ),
    (
        "insisting that someone do something (bare verb) demands it, coded by the act",
        "Tokyo insisted that Moscow return the islands.",
        [("1053", "JPNGOV", "RUSGOV", "asserted")],
        False,
    ),
    (
        "a subjunctive demand is coded by the act it asks for, which is not reported as done",
        "Canada urged that Iran free the detained journalists.",
        [("0253", "CAN", "IRN", "asserted")],
        True,
    ),
    (
        "insisting on a fact is no demand",
        "Moscow insisted that the exercises were routine.",
        [],
        True,
    ),
    (
        "a demand named by a noun: its clause is asked for, not done; made of the clause's subject",
        "The strikers repeated their demand that the Bolivian army withdraw from the mines.",
        [("106", "LAB", "BOLMIL", "asserted")],
        True,
    ),
    (
        "insisting on a demand that someone act is a demand of them",
        "The Tamil party insisted on its demands that the Sri Lankan government grant more autonomy.",
        [("104", "LKAPTY", "LKAGOV", "asserted")],
        True,
    ),
    (
        "a call for someone to act, hung on the verb by the parser, is asked for, not done",
        "The Arab League renewed its call for Israel to lift the blockade.",
        [("0256", "IGOMEAARL", "ISR", "asserted")],
        True,
    ),
    (
        "a demand rejected: what it asked for did not happen",
        "Moscow rejected the Georgian demand that its troops leave Abkhazia.",
        [("120", "RUSGOV", "GEO", "asserted")],
        False,
    ),
    (
        "a request ignored is no visit",
        "Tehran ignored the request that inspectors visit the Fordow site.",
        [("128", "IRNGOV", None, "asserted")],
        True,
    ),
    (
        "an ultimatum is a threat, not a demand",
        "Peru issued an ultimatum to Ecuador to halt the raids across the border.",
        [("139", "PER", "ECU", "asserted")],
        False,
    ),
    (
        "protesting that something happened is a complaint, about whom the clause blames",
        "Athens protested that Turkish jets violated Greek airspace.",
        [("114", "GRCGOV", "TURMIL", "asserted")],
        False,
    ),
    (
        "people protesting with no clause still demonstrate",
        "Students protested outside the Iranian embassy.",
        [("140", "CVL", "IRN", "asserted")],
        True,
    ),
    (
        "committed to doing something: an intent, by whoever is committed",
        "Greece is committed to withdrawing its troops from Cyprus.",
        [("0356", "GRC", "CYP", "asserted")],
        True,
    ),
    (
        "an act its speaker denies is not reported as done",
        "The Kremlin denied that Russian troops had shelled the hospital in Kharkiv.",
        [("194", "RUSMIL", "UKR", "negated")],
        False,
    ),
    (
        "claims rejected: the act they claim is denied",
        "Ankara dismissed reports that Turkish jets bombed Kurdish villages in Iraq.",
        [("195", "TURMIL", "IRQ", "negated")],
        False,
    ),
    (
        "not denying is no denial",
        "Ankara did not deny that its jets had bombed the village.",
        [("195", "TURMIL", None, "asserted")],
        False,
    ),
    (
        "'in protest' says how the act was done: no demonstration",
        "Armenia recalled its ambassador from Belarus in protest.",
        [("161", "ARM", "BLR", "asserted")],
        True,
    ),
    (
        "a deal the act is done under was made before: no agreement here",
        "Ethiopian troops withdrew from the Tigray region under the peace deal signed in Pretoria.",
        [("0874", "ETHMIL", None, "asserted")],
        True,
    ),
    (
        "a protest of the same kind as the act it qualifies is that act, and gives it its target",
        "Kurdish students began a hunger strike in protest of the Turkish government's policies.",
        [("142", "TURCVL", "TURGOV", "asserted")],
        True,
    ),
    (
        "a refusal named by a noun is a refusal, by whoever refuses",
        "Students marched against the Serbian government's refusal to release the detained activists.",
        [("1243", "SRBGOV", "SRBOPP", "asserted")],
        False,
    ),
    (
        "a decision to act is an intent, coded by the act's subcode",
        "Berlin welcomed Washington's decision to send more air defence systems to Kyiv.",
        [("0332", "USAGOV", "UKRGOV", "asserted")],
        False,
    ),
    (
        "aid announced by its giver is aid pledged, with the aid's subcode",
        "Japan will send more medical supplies to Gaza, the Japanese foreign minister said.",
        [("0333", "JPN", "PSE", "asserted")],
        False,
    ),
    (
        "a yes-no question asks, it does not report",
        "Will China invade Taiwan before 2030?",
        [("192", "CHNMIL", "TWN", "hypothetical")],
        True,
    ),
    (
        "a why-question takes its act as given",
        "Why did Russia attack Ukraine?",
        [("190", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "coordinated sides that clash attack each other",
        "Indian and Chinese troops clashed along the disputed border in the Himalayas.",
        [("190", "INDMIL", "CHNMIL", "asserted"), ("190", "CHNMIL", "INDMIL", "asserted")],
        True,
    ),
    (
        "people blocking border crossings obstruct (144)",
        "Polish farmers blocked border crossings with Ukraine.",
        [("144", "POLCVL", "POLGOV", "asserted")],
        False,
    ),
    (
        "a visit the clause's act happens during is its subject's, and lends the act no target",
        "Brazil's president Lula called for a ceasefire in Gaza during a visit to Cairo.",
        [("0256", "BRAGOV", None, "asserted"), ("042", "BRAGOV", "EGYGOV", "asserted")],
        True,
    ),
    (
        "calling on parties for a ceasefire appeals to each for de-escalation",
        "The Arab League called on Israel and Hezbollah for a ceasefire.",
        [("0256", "IGOMEAARL", "ISR", "asserted"), ("0256", "IGOMEAARL", "LBNREB", "asserted")],
        True,
    ),
    (
        "a package's 'for' phrase names whom the blocked aid was for",
        "Hungary blocked an EU aid package for Ukraine.",
        [("162", "HUN", "UKR", "asserted")],
        False,
    ),
    (
        "the Pope speaks for the Holy See",
        "The Pope called on Armenia and Azerbaijan for a truce.",
        [("0256", "VATGOV", "ARM", "asserted"), ("0256", "VATGOV", "AZE", "asserted")],
        True,
    ),
    (
        "an infinitive hung on 'call on X' is asked of X, not done",
        "The Syrian foreign minister called on Washington to lift its sanctions on Damascus so that trade can"
        " resume.",
        [("0254", "SYRGOV", "USAGOV", "asserted")],
        True,
    ),
    (
        "'called on X to' asks X to act",
        "Kyiv called on NATO to send more air defence systems.",
        [("023", "UKRGOV", "IGOWSTNAT", "asserted")],
        True,
    ),
    (
        "'its' forces are the state's the clause above names",
        "Israel said its jets struck Hezbollah targets.",
        [("195", "ISRMIL", "LBNREB", "asserted")],
        True,
    ),
    (
        "'its' fighters are the group's the clause above names",
        "Hezbollah said its fighters fired rockets at Israel.",
        [("194", "LBNREB", "ISR", "asserted")],
        True,
    ),
    (
        "'their' troops under an order are the ordering state's",
        "Russia ordered its troops to withdraw.",
        [("0874", "RUSMIL", None, "asserted")],
        True,
    ),
    (
        "a statement agreed on says what its issuers do, as the agreement goes",
        "The Security Council failed to agree on a statement condemning Venezuela's government.",
        [("111", "IGOUNO", "VENGOV", "negated")],
        True,
    ),
    (
        "a resolution adopted by a body is the body's act",
        "A resolution condemning Iran was adopted by the IAEA board.",
        [("111", "IGOUNO", "IRN", "asserted")],
        True,
    ),
    (
        "a measure a named other owns is its act, not one the verb's subject does or not",
        "Slovakia did not block the European Union's new package of sanctions against Iran.",
        [("163", "IGOEUREEC", "IRN", "asserted")],
        False,
    ),
    (
        "a measure the subject owns keeps the verb's modality",
        "The EU did not adopt its new sanctions on Russia.",
        [("163", "IGOEUREEC", "RUS", "negated")],
        True,
    ),
    (
        "peacekeepers are a state's forces",
        "Rebels attacked Ugandan peacekeepers in Mogadishu.",
        [("190", "SOMREB", "UGAMIL", "asserted")],
        True,
    ),
    (
        "peacekeepers are never the forces of the place they are in",
        "Rebels attacked peacekeepers in Mali.",
        [("190", "MLIREB", "MIL", "asserted")],
        True,
    ),
    (
        "ordering foreign troops to leave expels them",
        "Mali's junta ordered French troops to leave the country.",
        [("166", "MLIGOV", "FRAMIL", "asserted")],
        True,
    ),
    (
        "ordering an ambassador to leave is an expulsion of a diplomat",
        "Niger ordered the French ambassador to leave within 48 hours.",
        [("161", "NER", "FRAGOV", "asserted")],
        True,
    ),
    (
        "forcing inspectors to leave expels inspectors",
        "Russia forced UN inspectors to leave.",
        [("1662", "RUS", "IGOUNO", "asserted")],
        True,
    ),
    (
        "who is guilty of an act did it",
        "Both the Philippine military and the Moro Islamic Liberation Front are guilty of violating the"
        " truce.",
        [("196", "PHLMIL", None, "asserted"), ("196", "PHLREBMUS", None, "asserted")],
        True,
    ),
    (
        "who is responsible for an act did it",
        "Serbia is responsible for shelling the town.",
        [("194", "SRBMIL", None, "asserted")],
        True,
    ),
    (
        "what one is capable of is not done",
        "Iran is capable of attacking Israel.",
        [("190", "IRNMIL", "ISR", "hypothetical")],
        True,
    ),
    (
        "a name the lexicon lacks is who its title says, also when the tagger splits them",
        "Vice-President Moody Kamau has declined to resign.",
        [("1231", "GOV", None, "asserted")],
        True,
    ),
    (
        "a governor is the government's",
        "Governor Moody Otieno refused to resign.",
        [("1231", "GOV", None, "asserted")],
        True,
    ),
    (
        "an announced act is the announcer's, the announcement only how it is made known",
        "Canberra announced fresh sanctions against Minsk.",
        [("163", "AUSGOV", "BLRGOV", "asserted")],
        True,
    ),
    (
        "an announced withdrawal is the announcing state's",
        "Armenia announced the withdrawal of its peacekeepers from Kosovo.",
        [("0874", "ARMMIL", "XKX", "asserted")],
        False,
    ),
    (
        "a denied act is not coded as the denier's",
        "Tehran dismissed the sanctions against its oil ministry.",
        [],
        True,
    ),
    (
        "an accusation is aimed at whom its 'that' clause is about",
        "Hungarian accusations that Kyiv persecutes the Hungarian minority angered Ukraine.",
        [("112", "HUN", "UKRGOV", "asserted")],
        False,
    ),
    (
        "a relative pronoun subject is its antecedent",
        "Chad, which was unwilling to extradite the rebels to Sudan, closed its border.",
        [("121", "TCD", "SDN", "asserted")],
        False,
    ),
    (
        "a kind no actor names stands for its examples ('such as')",
        "Neighbours such as Kenya and Uganda are unwilling to send troops to Somalia.",
        [("1222", "KEN", "SOM", "asserted"), ("1222", "UGA", "SOM", "asserted")],
        True,
    ),
    (
        "a kind no actor names stands for its examples ('like'); each party's refusal is one event",
        "Countries like Chad and Niger have refused to extradite the rebels to Sudan.",
        [("121", "TCD", "SDN", "asserted"), ("121", "NER", "SDN", "asserted")],
        True,
    ),
    (
        "what one is unable to do is not done",
        "Jordan was unable to deliver the aid to Gaza.",
        [("073", "JOR", "PSE", "negated")],
        True,
    ),
    (
        "a 'when' clause under a negated act happened all the same",
        "The Kenyan army was unable to protect the villagers when al-Shabaab attacked.",
        [("074", "KENMIL", "KENCVL", "negated"), ("190", "SOMREBMUS", None, "asserted")],
        True,
    ),
    (
        "a protest set after the clause it reports is a complaint about that clause's subject",
        "The Serbian government is failing to protect the monastery, the Kosovo government protested.",
        [("114", "XKXGOV", "SRBGOV", "asserted"), ("074", "SRBGOV", None, "negated")],
        True,
    ),
    (
        "cutting aid of a named kind takes that kind's code (military)",
        "Washington paused all military aid to Kyiv.",
        [("1622", "USAGOV", "UKRGOV", "asserted")],
        True,
    ),
    (
        "cutting aid of a named kind takes that kind's code (humanitarian)",
        "The EU froze humanitarian assistance to Afghanistan.",
        [("1623", "IGOEUREEC", "AFG", "asserted")],
        True,
    ),
    (
        "a recipient the parser joins to the object is still the recipient, of its peer's sector",
        "The Jordanian intelligence service handed its Syrian counterparts information on smuggling routes.",
        [("064", "JORSPY", "SYRSPY", "asserted")],
        True,
    ),
    (
        "a counterpart is of the same kind as its peer",
        "The Indian army chief met his Chinese counterpart.",
        [("040", "INDMIL", "CHNMIL", "asserted")],
        True,
    ),
    (
        "a meeting in a country neither side is of is a meeting at a third location",
        "The Armenian and Azerbaijani foreign ministers met in Washington.",
        [("044", "ARMGOV", "AZEGOV", "asserted")],
        True,
    ),
    (
        "a meeting in one side's country is a plain meeting",
        "Modi met Putin in Moscow.",
        [("040", "INDGOV", "RUSGOV", "asserted")],
        True,
    ),
    (
        "a summit with no one named to meet is no event",
        "The G7 summit opened in Hiroshima on Friday.",
        [],
        True,
    ),
    (
        "ruling out an act refuses it",
        "Tokyo ruled out lifting its sanctions on Pyongyang.",
        [("1244", "JPNGOV", "PRKGOV", "asserted")],
        True,
    ),
    (
        "ruling out an act refuses it, also when the parser hangs the act as an adverbial clause",
        "Israel ruled out releasing the prisoners.",
        [("1243", "ISR", "CVL", "asserted")],  # (a state's prisoners need not be its own people)
        True,
    ),
    (
        "an investigation is aimed at whose conduct it is into, by a 'by' phrase on it",
        "The UN opened an inquiry into abuses by Ethiopian troops.",
        [("092", "IGOUNO", "ETHMIL", "asserted")],
        True,
    ),
    (
        "an office holder the lexicon does not know takes the one country the sentence's actors name",
        "Malian rebels freed Colonel Amadou Diarra on Sunday.",
        [("084", "MLIREB", "MLIMIL", "asserted")],
        True,
    ),
    (
        "...also from an actor that is not a side of the event",
        "General Paul Okello resigned to allow Uganda's elections to go ahead.",
        [("0831", "UGAMIL", None, "asserted")],
        True,
    ),
    (
        "...but not when the sentence's actors name two countries",
        "Malian rebels and French troops freed Colonel Amadou Diarra on Sunday.",
        [("084", "MLIREB", "MIL", "asserted"), ("084", "FRAMIL", "MIL", "asserted")],
        True,
    ),
    (
        "an arms transfer is qualified by what it is of; 'its' is the nearest actor before it",
        "Britain sanctioned Belarus over its transfer of missiles to Russia.",
        [("163", "GBR", "BLR", "asserted"), ("072", "BLR", "RUS", "asserted")],
        True,
    ),
    (
        "an event noun's 'from' phrase names who acts; 'despite' aims it at who did not act",
        "Berlin has not delivered tanks to Kyiv despite repeated requests from Ukraine.",
        [("072", "DEUGOV", "UKRGOV", "negated"), ("020", "UKR", "DEUGOV", "asserted")],
        True,
    ),
    (
        "threats one faces are aimed at the one who faces them",
        "Israel faces growing threats from Iran.",
        [("130", "IRN", "ISR", "asserted")],
        True,
    ),
    (
        "...and threats one gives in to at the one who gives in",
        "Putin seems to submit to US threats.",
        [("130", "USA", "RUSGOV", "asserted")],
        True,
    ),
    (
        "posing a threat is a judgement of danger, not a threat made",
        "Iran poses a threat to Israel.",
        [],
        True,
    ),
    (
        "yielding to pressure answers who applied it",
        "The minister finally bowed to pressure from the unions.",
        [("080", "GOV", "LAB", "asserted"), ("100", "LAB", "GOV", "asserted")],
        True,
    ),
    (
        "accepting an offer answers its author; the object outranks the compound naming its kind",
        "Hamas accepted a ceasefire proposal from Egypt.",
        [("030", "PSEREB", "EGY", "asserted")],
        True,
    ),
    (
        "a truce two coordinated subjects declare is between them",
        "Armenia and Azerbaijan declared a ceasefire on Sunday.",
        [("0871", "ARM", "AZE", "asserted")],
        True,
    ),
    (
        "what an accord is on is what is agreed, not an act of its own",
        "Kyiv and Moscow reached an agreement on the withdrawal of troops.",
        [("057", "UKRGOV", "RUSGOV", "asserted")],
        True,
    ),
    (
        "holding people as human shields is 184, whoever they are",
        "Government troops in Sri Lanka held hundreds of Tamil villagers as human shields.",
        [("184", "LKAMIL", "LKACVL", "asserted")],
        True,
    ),
    (
        "'Congolese' is the DRC's",
        "Rwandan troops clashed with Congolese soldiers near Goma.",
        [("190", "RWAMIL", "CODMIL", "asserted")],
        True,
    ),
    (
        "a target phrase the parser hangs inside the event noun's 'of' phrase is still its target",
        "The withdrawal of most of the French troops from Mali ended in August.",
        [("0874", "FRAMIL", "MLI", "asserted")],
        True,
    ),
    (
        "an aircraft 'shut down' is a misspelt 'shot down'; a headline passive has no auxiliary",
        "Iraqi helicopter shut down by militants near Mosul;",
        [("190", "IRQREB", "IRQMIL", "asserted")],
        True,
    ),
    (
        "a headline passive's subject is the object a pattern needs",
        "Opposition newspaper shut down by the Turkish government;",
        [("1721", "TURGOV", "TUROPP", "asserted")],
        True,
    ),
    (
        "'shut down' anything else is still a closure",
        "The Egyptian government shut down the airport.",
        [("172", "EGYGOV", None, "asserted")],
        True,
    ),
    (
        "a passive participle modifying a noun has that noun as its object",
        "The ceasefire plan accepted by Armenia was welcomed in Moscow.",
        [("030", "ARM", None, "asserted")],
        False,
    ),
    (
        "a vetoed resolution's act never came: the veto is the event",
        "China vetoed a draft resolution condemning the coup in Myanmar.",
        [("129", "CHN", None, "asserted")],
        True,
    ),
    (
        "an adopted resolution's act is its adopter's; 'the General Assembly' is the UN's",
        "A resolution demanding a ceasefire was adopted by the General Assembly.",
        [("107", "IGOUNO", None, "asserted")],
        True,
    ),
    (
        "support one is thanked for went to the one who thanks",
        "Maduro thanked Moscow for Russia's military support.",
        [("051", "VENGOV", "RUSGOV", "asserted"), ("072", "RUS", "VENGOV", "asserted")],
        True,
    ),
    (
        "help one is thanked for, its giver the one thanked",
        "The Lebanese president thanked Qatar for its help.",
        [("051", "LBNGOV", "QAT", "asserted"), ("070", "QAT", "LBNGOV", "asserted")],
        True,
    ),
    (
        "an ambassador recalled 'to' a country is recalled from it",
        "Poland recalled its ambassador to Belarus.",
        [("161", "POL", "BLR", "asserted")],
        True,
    ),
    (
        "an ambassador recalled to the state's own capital is called home: no target",
        "Egypt recalled its ambassador to Cairo for consultations.",
        [("161", "EGY", None, "asserted")],
        True,
    ),
    (
        "'all parties' are the sides, not political parties; 'called on' with no object is no phone call",
        "India called on all parties to show restraint.",
        [("020", "IND", None, "asserted")],
        True,
    ),
    (
        "help 'with' which an act is done goes to its doer",
        "Turkish troops captured the village with the help of Syrian rebels.",
        [("192", "TURMIL", None, "asserted"), ("070", "SYRREB", "TURMIL", "asserted")],
        True,
    ),
    (
        "'is committed to' read as a passive verb still states its subject's intent",
        "Chile is committed to opening the border with Bolivia.",
        [("0351", "CHL", None, "asserted")],
        True,
    ),
    (
        "an attack launched is of its noun's kind",
        "Russian forces launched a massive missile attack on Odesa overnight.",
        [("195", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "protesters at a foreign mission are the place's people, and protest against its state",
        "Protesters in Karachi stormed the French consulate.",
        [("145", "PAKCVL", "FRA", "asserted")],
        True,
    ),
    (
        "a protest outside an embassy is against the state whose embassy it is",
        "Students in Cairo protested outside the Israeli embassy.",
        [("140", "EGYCVL", "ISR", "asserted")],
        True,
    ),
    (
        "coordinated subjects of a joint act's noun act with each other",
        "Japan and Australia began joint naval drills on Tuesday.",
        [("062", "JPN", "AUS", "asserted")],
        True,
    ),
    (
        "who visits for talks takes part in them",
        "Pakistan's foreign minister visited Kabul for talks with Afghan officials.",
        [("042", "PAKGOV", "AFGGOV", "asserted"), ("040", "PAKGOV", "AFGGOV", "asserted")],
        True,
    ),
    (
        "a participle modifying a noun is passive: the hostages are held, not holders",
        "Hamas freed two Thai hostages held in Gaza.",
        [("0841", "PSEREB", "THACVL", "asserted"), ("181", "PSE", "THACVL", "asserted")],
        True,
    ),
    (
        "a participle with its own subject and auxiliary is active",
        "Officials said the militia had taken over the port of Hodeidah.",
        [("192", "YEMREB", None, "asserted")],
        True,
    ),
    (
        "armed forces that arrive somewhere are deployed there; peacekeepers keep the peace",
        "UN peacekeeping troops arrived in Haiti on Monday.",
        [("074", "IGOUNO", "HTI", "asserted")],
        True,
    ),
    (
        "a convoy heading somewhere is no visit",
        "A Russian military convoy headed to Crimea.",
        [("154", "RUSMIL", None, "asserted")],
        False,
    ),
    (
        "an envoy arriving still visits",
        "A Qatari delegation arrived in Kabul.",
        [("042", "QATGOV", "AFGGOV", "asserted")],
        True,
    ),
    (
        "the people a deployment is of deploy",
        "The deployment of Kenyan peacekeepers in Somalia began in May.",
        [("074", "KENMIL", "SOM", "asserted")],
        True,
    ),
    (
        "fighters sent to prop up another's army are military aid to it",
        "Tehran sent thousands of fighters to prop up the Syrian army.",
        [("072", "IRNGOV", "SYRMIL", "asserted"), ("070", "IRNGOV", "SYRMIL", "asserted")],
        True,
    ),
    (
        "troops sent to a border are deployed against the state across it",
        "India will send 5,000 soldiers to its border with Pakistan.",
        [("154", "INDMIL", "PAK", "future")],
        True,
    ),
    (
        "propping up a thing is no event",
        "The central bank sold dollars to shore up the currency.",
        [],
        True,
    ),
    (
        "closing a border is the sanction opening one eases",
        "Jordan closed its border with Iraq after the attack.",
        [("172", "JOR", "IRQ", "asserted")],
        True,
    ),
    (
        "aid cut to rebels is not to the state's own rebels",
        "The Gulf states cut funding to the rebel groups.",
        [("162", None, "REB", "asserted")],
        False,
    ),
    (
        "a place in a clause set beside the act ('while') is not the act's",
        "Ankara is backing militants in Idlib while talking peace with Moscow.",
        [("040", "TURGOV", "RUSGOV", "asserted")],
        False,
    ),
    (
        "forces massed near a border face the state across it",
        "Russian troops massed near the Finnish border.",
        [("154", "RUSMIL", "FIN", "asserted")],
        True,
    ),
    (
        "tear gas used against protesters disperses them",
        "Kenyan police used tear gas against protesters in Nairobi.",
        [("175", "KENCOP", "KENCVL", "asserted")],
        True,
    ),
    (
        "revenge 'for' a killing names its reason, not its target",
        "The militia vowed revenge for the killing of its leader.",
        [("138", "REB", None, "asserted")],
        True,
    ),
    (
        "what one warns another against is no act of either, and no threat",
        "Washington warned Ankara against attacking Kurdish forces.",
        [("130", "USAGOV", "TURGOV", "asserted")],
        True,
    ),
    (
        "what one is kept from doing is not done",
        "The court barred the opposition from holding a rally.",
        [("172", "JUD", "OPP", "asserted")],
        False,
    ),
    (
        "weapons that strike name the kind of attack: missiles from the air",
        "Iranian missiles hit a military base in Erbil.",
        [("195", "IRNMIL", "IRQMIL", "asserted")],
        False,
    ),
    (
        "weapons that strike name the kind of attack: rockets are artillery",
        "Palestinian rockets hit a school in Sderot.",
        [("194", "PSEMIL", "ISR", "asserted")],
        False,
    ),
    (
        "an object that stands for what it is 'of' gives way to it",
        "Serbia refuses to recognise the independence of Kosovo.",
        [("120", "SRB", "XKX", "asserted"), ("054", "SRB", "XKX", "negated")],
        True,
    ),
    (
        "... unless it names its owner itself",
        "Canada accused Indian authorities of interference.",
        [("112", "CAN", "INDGOV", "asserted")],
        True,
    ),
    (
        "an intent to leave a place is aimed at the place's country",
        "Turkey said it was ready to withdraw its troops from northern Iraq.",
        [("0356", "TUR", "IRQ", "asserted")],
        True,
    ),
    (
        "a name after a hyphenated title is the title holder's, whatever the recogniser called it",
        "Vice-President Riek Machar resigned, South Sudanese officials said.",
        [("0831", "SSDGOV", None, "asserted")],
        True,
    ),
    (
        "an unknown official who meets another state's is not given that state",
        "Vice-President Kamala Harris met the Kenyan president.",
        [("040", "GOV", "KENGOV", "asserted")],
        True,
    ),
    (
        "an act drawn from another is that other's, aimed at who drew it",
        "The missile test drew sharp criticism from Japan, and Seoul's remarks provoked "
        "condemnation from Beijing.",
        [("111", "JPN", None, "asserted"), ("111", "CHNGOV", "KORGOV", "asserted")],
        False,
    ),
    (
        "sparking an act names no doer: the one who sparked it does not do it",
        "Egypt's decision sparked protests.",
        [],
        True,
    ),
    (
        "who responds with an act does it",
        "Jordan responded with air strikes on smugglers near the Syrian border.",
        [("195", "JORMIL", None, "asserted")],
        False,
    ),
    (
        "a rally at a foreign mission is a protest against its state",
        "Hundreds of Pakistanis rallied outside the French embassy in Islamabad.",
        [("141", "PAKCVL", "FRA", "asserted")],
        True,
    ),
    (
        "a border crossing with a state faces it",
        "Jordan reopened its border crossing with Syria.",
        [("081", "JOR", "SYR", "asserted")],
        True,
    ),
    (
        "a progressive the parser reads as an attribute keeps its subject",
        "Oman is mediating between Iran and the United States.",
        [("045", "OMN", "IRN", "asserted"), ("045", "OMN", "USA", "asserted")],
        True,
    ),
    (
        "a denial about one's own forces aims at no one (and a statement with no target is dropped)",
        "Rwanda denied that its soldiers had crossed into Congo.",
        [],
        True,
    ),
    (
        "a package of weapons for a state is military aid to it",
        "The Pentagon announced a new weapons package for Ukraine.",
        [("072", "USAMIL", "UKR", "asserted")],
        True,
    ),
    (
        "money pledged in aid is the aid pledged, aimed where the aid goes",
        "Norway pledged 200 million dollars in aid to Sudan.",
        [("0331", "NOR", "SDN", "asserted")],
        True,
    ),
    (
        "a missile test is a show of force",
        "North Korea test-fired a cruise missile on Sunday.",
        [("150", "PRKMIL", None, "asserted")],
        True,
    ),
    (
        "readmitting a member restores relations (a verb the lemmatizer does not know, by its stem)",
        "The Arab League readmitted Libya in 2012.",
        [("050", "IGOMEAARL", "LBY", "asserted")],
        True,
    ),
    (
        "cutting a state's energy supplies is an embargo on it",
        "Azerbaijan halted gas supplies to Armenia on Tuesday.",
        [("163", "AZE", "ARM", "asserted")],
        True,
    ),
    (
        "what an accused is said to have tried to do is only alleged",
        "Armenia accused Azerbaijan of trying to cut off gas supplies to Karabakh.",
        [("112", "ARM", "AZE", "asserted")],
        True,
    ),
    (
        "dismissing an official is no denial; dismissing claims is",
        "The Malawian president dismissed his defence minister, and Ankara dismissed Greek claims.",
        [("016", "TURGOV", "GRC", "asserted")],
        True,
    ),
    (
        "security forces' violence on demonstrators is repression, with the killing it caused",
        "Riot police fired on protesters in Lagos, killing three.",
        [("175", "NGACOP", "NGACVL", "asserted")],
        True,
    ),
    (
        "a pronoun in what a noun reports is the subject of the clause holding the noun",
        "Eritrea denied reports that it had sent troops into Sudan.",
        [("154", "ERIMIL", "SDN", "negated")],
        False,
    ),
    (
        "the nations of the United Kingdom are the United Kingdom",
        "Scottish police arrested two Irish nationals.",
        [("173", "GBRCOP", "IRL", "asserted")],
        False,
    ),
    (
        "whom an act lets act is its target",
        "North Korea agreed to let IAEA inspectors visit the Yongbyon reactor.",
        [("030", "PRK", "IGOUNO", "asserted")],
        False,
    ),
    (
        "settlers are civilians, and not the people of the land they settle",
        "Israeli settlers attacked a Palestinian village, and settlers torched cars in Hebron.",
        [("190", "ISRCVL", "PSE", "asserted"), ("1712", "CVL", None, "asserted")],
        True,
    ),
    (
        "an organisation forced out is expelled, not deported; a person from it is deported",
        "Burundi forced the UN human rights office out of the country, and Egypt deported an Amnesty "
        "International researcher.",
        [("166", "BDI", "IGOUNO", "asserted"), ("174", "EGY", "NGOHRIAMN", "asserted")],
        True,
    ),
    (
        "each of several askers asks for what the act asked codes",
        "Norway and Iceland urged Denmark to extend the ceasefire.",
        [("0256", "NOR", "DNK", "asserted"), ("0256", "ISL", "DNK", "asserted")],
        True,
    ),
    (
        "a threat 'with' a measure is coded by the measure, the phrase on the verb or its object",
        "Brussels threatened Budapest with sanctions. The governor threatened the striking "
        "dockworkers with arrest.",
        [("1312", "IGOEUREEC", "HUNGOV", "asserted"), ("137", "GOV", "LAB", "asserted")],
        True,
    ),
    (
        "health workers are a role; water cannon on them is repression",
        "Riot police used water cannon against nurses in Belgrade.",
        [("175", "SRBCOP", "SRBHLH", "asserted")],
        True,
    ),
    (
        "'intent on' and 'bent on' state an intention, a threat when the act is a harm",
        "The Hungarian premier is intent on deepening ties with China. The militia seems bent on "
        "crushing the uprising.",
        [("032", "HUNGOV", "CHN", "asserted"), ("137", "REB", None, "asserted")],
        True,
    ),
    (
        "people of a state counted are its civilians; the state's name alone stays the state",
        "Thousands of Georgians rallied in Tbilisi to demand new elections. Two Estonians were "
        "detained in Moscow, and the Russians pulled their warships out of the port.",
        [("1412", "GEOCVL", "GEOGOV", "asserted"), ("173", "RUS", "ESTCVL", "asserted"),
         ("0874", "RUSMIL", None, "asserted")],
        True,
    ),
    (
        "ending, scrapping or leaving an agreement rejects it; its noun codes no agreement",
        "Burkina Faso's military rulers scrapped a defence agreement with France, and Washington "
        "withdrew from the arms treaty with Moscow.",
        [("127", "BFAGOV", "FRA", "asserted"), ("127", "USAGOV", "RUSGOV", "asserted")],
        True,
    ),
    (
        "freezing participation in a bloc reduces relations with it",
        "Belarus froze its participation in the CSTO.",
        [("161", "BLR", "IGOCAS", "asserted")],
        True,
    ),
    (
        "a state body named alone takes the one country of its sentence, not a state it deals with",
        "Peru's president ordered the army to halt its operations against the rebels. Kurdish-led "
        "forces handed over captured militants to Iraq.",
        [("087", "PERMIL", "REB", "asserted"), ("084", "MIL", "IRQ", "asserted")],
        True,
    ),
    (
        "pushing someone to act asks them to, pushing to act does not; pushing troops back is fighting",
        "Brazil is pushing Venezuela to release the jailed opposition leaders, but Russia pushed to "
        "expand its influence. Serbian troops pushed the rebels back from the border post.",
        [("1053", "BRA", "VEN", "asserted"), ("190", "SRBMIL", "SRBREB", "asserted")],
        True,
    ),
    (
        "what a demanded noun's infinitive says is asked for, not done",
        "The strikers demanded a deal to free the detained union leaders.",
        [("100", "LAB", None, "asserted"), ("084", "LAB", None, "request")],
        True,
    ),
    (
        "two parties' joint intent is aimed at each other, not at the troops it moves",
        "Armenia and Azerbaijan agreed to withdraw troops from the frontier.",
        [("0356", "ARM", "AZE", "asserted"), ("0356", "AZE", "ARM", "asserted")],
        True,
    ),
    (
        "drills near someone show force; drills with someone are cooperation",
        "Russian bombers held drills near Japan. The Indian navy conducted exercises with the French "
        "navy.",
        [("150", "RUSMIL", "JPN", "asserted"), ("062", "INDMIL", "FRAMIL", "asserted")],
        True,
    ),
    (
        "a verb with no target found takes the pattern whose slot the clause has",
        "Kenyan clerics called for an independent inquiry into the deaths.",
        [("020", "KENELI", None, "asserted")],
        True,
    ),
    (
        "joining someone's forces is not the idiom 'join forces'",
        "Volunteers from Belarus joined Ukrainian forces near Bakhmut.",
        [],
        True,
    ),
    (
        "a leader's removal wished for is a demand for a change of leader; a coup done is not coded",
        "Ankara wants to topple the Syrian president. Mutinous officers toppled the government of "
        "Chad.",
        [("1041", "TURGOV", "SYRGOV", "asserted")],
        True,
    ),
    (
        "who fights to topple a government is who wishes it gone",
        "Rebels fighting to overthrow the Malian government seized Kidal.",
        [("1041", "MLIREB", "MLIGOV", "asserted")],
        False,
    ),
    (
        "another's force or aid said to be welcome is its involvement allowed",
        "The Libyan premier said Turkish military help would be welcome.",
        [("0355", "LBYGOV", "TURMIL", "asserted")],
        False,
    ),
    (
        "handing weapons or power to someone without 'over'",
        "The militia refused to hand its weapons to the army.",
        [("1246", "REB", "MIL", "asserted")],
        True,
    ),
    (
        "the authorities at a protest police it, they do not take part in it",
        "The Cuban regime cut internet access during the demonstrations.",
        [],
        True,
    ),
    (
        "a comment declined is a comment (011)",
        "Egypt's foreign ministry declined to comment on the Israeli raid.",
        [("011", "EGYGOV", "ISR", "asserted")],
        False,
    ),
    (
        "refusing to say is declining comment, not a rejection",
        "The Pentagon refused to say where the drones were flying.",
        [("011", "USAMIL", None, "asserted")],
        True,
    ),
    (
        "what someone or its act is called condemns it (111)",
        "The Syrian envoy called the Turkish incursion a blatant act of aggression.",
        [("111", "SYRGOV", "TURMIL", "asserted")],
        False,
    ),
    (
        "an adjective that something is called by condemns it",
        "Tehran described the French accusations as groundless.",
        [("111", "IRNGOV", "FRA", "asserted")],
        False,
    ),
    (
        "a person called a name, the parser's indefinite apposition",
        "Maduro called Milei a puppet.",
        [("111", "VENGOV", "ARGGOV", "asserted")],
        True,
    ),
    (
        "what is praised by naming it",
        "The Kazakh president called Turkey a trusted friend.",
        [("051", "KAZGOV", "TUR", "asserted")],
        True,
    ),
    (
        "what is judged by naming it is not done by its judge",
        "Beijing called the tariffs economic bullying.",
        [],
        True,
    ),
    (
        "putting one's air force on alert",
        "Egypt put its air force on alert.",
        [("152", "EGYMIL", None, "asserted")],
        True,
    ),
    (
        "food handed out or delivered is humanitarian aid",
        "UNICEF handed out blankets to displaced families in Gaza.",
        [("073", "IGOUNO", "PSECVL", "asserted")],
        False,
    ),
    (
        "villages returned are property given back (0842), or intended to be (0353)",
        "Serbia agreed to return three villages to Montenegro.",
        [("0353", "SRB", "MNE", "asserted")],
        False,
    ),
    (
        "ending cooperation with someone reduces relations (160)",
        "Burkina Faso terminated its military cooperation with France.",
        [("160", "BFA", "FRA", "asserted")],
        True,
    ),
    (
        "calling off a truce breaks it, it is no truce declared",
        "The ELN called off its truce with the Colombian government.",
        [("196", "COLREB", "COLGOV", "asserted")],
        False,
    ),
    (
        "the object the parser made an infinitive's subject",
        "Ethiopia allowed aid trucks to enter Tigray.",
        [("0863", "ETH", None, "asserted")],
        True,
    ),
    (
        "a sit-in is a demonstration",
        "Medical students staged a sit-in outside the health ministry in Lagos.",
        [("141", "NGACVL", "NGAGOV", "asserted")],
        False,
    ),
    (
        "a crowd counted by the hundred that attacks riots (145)",
        "Thousands of Pakistanis attacked the French consulate in Karachi.",
        [("145", "PAKCVL", "FRA", "asserted")],
        False,
    ),
    (
        "counted soldiers that attack are no crowd",
        "Hundreds of Russian soldiers attacked the village of Krynky.",
        [("190", "RUSMIL", "UKR", "asserted")],
        False,
    ),
    (
        "workers who walk out strike (143); a delegation that walks out of talks halts them (164)",
        "Dockworkers in Antwerp walked out. The Serbian delegation walked out of the talks.",
        [("143", "BELLAB", "BELGOV", "asserted"), ("164", "SRBGOV", None, "asserted")],
        False,
    ),
    (
        "settling a dispute with someone is an agreement",
        "Guyana settled its border dispute with Suriname.",
        [("057", "GUY", "SUR", "asserted")],
        True,
    ),
    (
        "a measure falls on whose the banned thing is",
        "The Ugandan police banned a march by the opposition.",
        [("1721", "UGACOP", "UGAOPP", "asserted")],
        True,
    ),
    (
        "another's forces welcome, in any statement verb's clause",
        "Haiti's prime minister announced that Kenyan police would be welcome.",
        [("0355", "HTIGOV", "KENCOP", "asserted")],
        False,
    ),
    (
        "a judgement declared",
        "The Greek government declared that the Turkish survey was illegal.",
        [("110", "GRCGOV", "TUR", "asserted")],
        False,
    ),
    (
        "leaving someone in the lurch abandons them (160)",
        "Paris left its Malian allies in the lurch.",
        [("160", "FRAGOV", "MLI", "asserted")],
        False,
    ),
    (
        "a writer who wonders why an act was done takes it as done",
        "I wonder why Washington left the Kurds in the lurch.",
        [("160", "USAGOV", None, "asserted")],
        False,
    ),
    (
        "a writer who wonders whether an act will be done only guesses",
        "I wonder whether Serbia will recognise Kosovo.",
        [],
        True,
    ),
    (
        "who is up to doing something does it",
        "Analysts ask what Erdogan is up to leaving NATO in the lurch.",
        [("160", "TURGOV", "IGOWSTNAT", "asserted")],
        False,
    ),
    (
        "a bloc that suspends a member state reduces relations with it (161)",
        "ECOWAS suspended Guinea after the coup.",
        [("161", "IGOWAFWAS", "GIN", "asserted")],
        True,
    ),
    (
        "suspending a person is no suspension of relations",
        "The Bolivian ministry suspended the governor.",
        [],
        True,
    ),
    (
        "ruling a country is no event",
        "Syria ruled Lebanon for decades.",
        [],
        True,
    ),
    (
        "a court rules against a state",
        "The International Court of Justice ruled against Colombia.",
        [("116", "IGOUNOJUDICJ", "COL", "asserted")],
        True,
    ),
    (
        "support voiced is verbal support (051), not aid",
        "Algeria reaffirmed its support for the Polisario Front.",
        [("051", "DZA", "MARREB", "asserted")],
        False,
    ),
    (
        "a denial of responsibility is made about the denied act's target (016)",
        "Rwanda denied any role in the attack on Congolese troops.",
        [("016", "RWA", "CODMIL", "asserted")],
        False,
    ),
    (
        "a report dismissed with no one named codes nothing",
        "The Kremlin dismissed the report as fake news.",
        [],
        True,
    ),
    (
        "a person named after their term is their state's elite (ELI)",
        "Former president Trump criticised NATO allies for spending too little.",
        [("111", "USAELI", "IGOWSTNAT", "asserted")],
        True,
    ),
    (
        "asking a state for military help is an appeal for military aid (0232)",
        "Armenia asked Russia for military help.",
        [("0232", "ARM", "RUS", "asserted")],
        True,
    ),
    (
        "appealing for peacekeepers is an appeal for protection (0234)",
        "Somalia appealed to the African Union for peacekeepers.",
        [("0234", "SOM", "IGOAFRAFU", "asserted")],
        True,
    ),
    (
        "aid given is coded by its stated kind (072)",
        "Russia sent military aid to Armenia.",
        [("072", "RUS", "ARM", "asserted")],
        True,
    ),
    (
        "a pledge of economic aid is an intent to give it (0331)",
        "Japan pledged economic aid to Ukraine.",
        [("0331", "JPN", "UKR", "asserted")],
        True,
    ),
    (
        "pushing for sanctions is an appeal against whom they would hit",
        "The French government pushed for new sanctions against Iran.",
        [("020", "FRAGOV", "IRN", "asserted")],
        True,
    ),
    (
        "pushing forward into territory asks nothing",
        "Turkish troops pushed deeper into Kurdish territory.",
        [],
        True,
    ),
    (
        "the object pushed to act is who acts, on request (102)",
        "The EU pushed Serbia to recognise Kosovo.",
        [("102", "IGOEUREEC", "SRB", "asserted")],
        True,
    ),
    (
        "firing an official dismisses him: no attack",
        "The president fired his army chief on Friday.",
        [],
        True,
    ),
    (
        "firing at someone is still fighting (193)",
        "Gunmen fired at a police patrol in Kirkuk.",
        [("193", "IRQREB", "IRQCOP", "asserted")],
        False,
    ),
    (
        "intelligence shared is information, not an agency",
        "Britain and Poland agreed to share intelligence.",
        [("0314", "GBR", "POL", "asserted")],
        True,
    ),
    (
        "eastern Congo is the DRC",
        "Rebels in eastern Congo abducted three nurses.",
        [("181", "CODREB", "CODHLH", "asserted")],
        False,
    ),
    (
        "a bomb as the passive's agent makes a bombing, coded once",
        "Three Iraqi soldiers were killed by a roadside bomb near Kirkuk.",
        [("1833", "IRQ", "IRQMIL", "asserted")],
        True,
    ),
    (
        "air strikes as the passive's agent say how the attack was made (195)",
        "Six civilians were killed by Saudi air strikes in Hodeidah.",
        [("195", "SAUMIL", "YEMCVL", "asserted")],
        True,
    ),
    (
        "forces backed by air strikes: the strikes stay an event of their own",
        "Iraqi troops backed by American airstrikes retook the town.",
        [("195", "USAMIL", None, "asserted")],
        False,
    ),
    (
        "a bare count of people is civilians of the place",
        "Thousands marched in Yerevan against the government.",
        [("141", "ARMCVL", "ARMGOV", "asserted")],
        True,
    ),
    (
        "a count of things is no actor",
        "Russia fired hundreds of drones at Ukrainian cities.",
        [("195", "RUSMIL", "UKR", "asserted")],
        False,
    ),
    (
        "a plot's act is planned, by the plot's 'by' phrase, not by who foils it",
        "Police in Berlin foiled a plot by Hamas to attack the Israeli embassy.",
        [("190", "PSEREB", "ISR", "future")],
        True,
    ),
    (
        "a plan's act is planned by the plan's owner",
        "Iran's plan to strike Israeli ships failed.",
        [("190", "IRNMIL", "ISR", "future")],
        True,
    ),
    (
        "an infinitive the parser hangs on the verb after a plot noun is the plot's",
        "Britain uncovered an Iranian scheme to kidnap dissidents in London.",
        [("181", "IRN", "GBROPP", "future")],
        True,
    ),
    (
        "whoever makes a bid does what it is a bid to do",
        "Al-Shabab made a bid to seize the port.",
        [("192", "SOMREBMUS", None, "asserted")],
        True,
    ),
    (
        "co-mediators do not mediate between themselves",
        "The deal was mediated by Turkey and the United Nations.",
        [],
        True,
    ),
    (
        "a truce's mediator is not one of its sides",
        "The truce mediated by Qatar between Israel and Hamas held overnight.",
        [("045", "QAT", "ISR", "asserted"), ("045", "QAT", "PSEREB", "asserted")],
        True,
    ),
    (
        "an alert level raised is a raised alert",
        "Pakistan raised the alert level of its air force.",
        [("152", "PAKMIL", None, "asserted")],
        True,
    ),
    (
        "a military parade shows force",
        "Iran staged a military parade in Tehran.",
        [("150", "IRNMIL", None, "asserted")],
        True,
    ),
    (
        "suspending political parties bans them",
        "The military government suspended all political parties.",
        [("1722", "GOV", "PTY", "asserted")],
        True,
    ),
    (
        "sanctions proposed are not imposed",
        "The EU proposed a fresh round of sanctions on Iran.",
        [("030", "IGOEUREEC", None, "asserted")],
        True,
    ),
    (
        "a visitor is not coded as the state it visits",
        "The island's prime minister visited Tokyo.",
        [("042", "GOV", "JPNGOV", "asserted")],
        True,
    ),
    (
        "declining to comment needs no target; the infinitive names what is declined",
        "The Russian defence ministry declined to comment on the strike.",
        [("011", "RUSGOV", None, "asserted")],
        True,
    ),
    (
        "the weapon's adjective says which weapon is used",
        "Islamic State used chemical weapons against Kurdish villages.",
        [("2041", "IMGMUSISI", None, "asserted")],
        True,
    ),
    (
        "joint patrols agreed on are an intent to cooperate militarily",
        "India and France agreed to conduct joint patrols in the Indian Ocean.",
        [("0312", "IND", "FRA", "asserted")],
        True,
    ),
    (
        "ramming a ship is force",
        "A Turkish frigate rammed a Greek fishing boat.",
        [("190", "TURMIL", "GRC", "asserted")],
        True,
    ),
    (
        "the killing caused by strikes a verb carries out is the strikes' event",
        "Sudanese warplanes carried out air strikes on a market in Darfur, killing 30 people.",
        [("195", "SDNMIL", "SDNCVL", "asserted")],
        True,
    ),
    (
        "the activities of parties stand for the parties",
        "The army council suspended the activities of all opposition parties.",
        [("1722", "MIL", "OPP", "asserted")],
        True,
    ),
    (
        "an organisation's code follows its dated terms: the Taliban govern since 2021",
        "The Taliban barred women from working for aid groups.",
        [("172", "AFGGOV", "AFGCVL", "asserted")],
        True,
    ),
    (
        "a protest verb's noun says which protest it is",
        "Jailed journalists went on hunger strike.",
        [("142", "MED", None, "asserted")],
        True,
    ),
    (
        "a protest verb's object says which protest it is",
        "Detainees staged a hunger strike in the prison.",
        [("142", "CVL", None, "asserted")],
        True,
    ),
    (
        "a strike with no kind stays a strike",
        "Miners staged a general strike over pay.",
        [("143", "LAB", None, "asserted")],
        True,
    ),
    (
        "an attack's instrument says how: missiles from the air",
        "Russia attacked Kharkiv with missiles.",
        [("195", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "an attack's instrument says how: tanks fire as artillery",
        "Israeli forces attacked the village with tanks.",
        [("194", "ISRMIL", None, "asserted")],
        True,
    ),
    (
        "a seized tanker is matériel",
        "The navy seized an oil tanker in the Gulf of Oman.",
        [("1711", "MIL", None, "asserted")],
        True,
    ),
    (
        "returned remains go back to the side of the dead",
        "Azerbaijan returned the remains of Armenian soldiers.",
        [("0841", "AZE", "ARMMIL", "asserted")],
        True,
    ),
    (
        "remains handed to someone go to that one",
        "Russia handed over the bodies of Ukrainian soldiers to the Red Cross.",
        [("0841", "RUS", "NGOHLHIRC", "asserted")],
        True,
    ),
    (
        "suspending journalists' accreditation restricts the press",
        "The junta suspended the accreditation of foreign journalists.",
        [("1721", "GOV", "MED", "asserted")],
        True,
    ),
    (
        "agreeing to let fuel in is an intent to allow relief",
        "Israel agreed to allow fuel into Gaza.",
        [("0355", "ISR", "PSE", "asserted")],
        True,
    ),
    (
        "a mayor is the government's",
        "Police in Ankara arrested the mayor of Istanbul.",
        [("173", "TURCOP", "TURGOV", "asserted")],
        True,
    ),
    (
        "detainees are civilians of their country",
        "Israeli soldiers beat Palestinian detainees.",
        [("182", "ISRMIL", "PSECVL", "asserted")],
        True,
    ),
    (
        "prisoners of war are their army's",
        "The Red Cross visited Russian prisoners of war.",
        [("042", "NGOHLHIRC", "RUSMIL", "asserted")],
        True,
    ),
    (
        "a charge d'affaires is the government's",
        "Algeria summoned the French charge d'affaires.",
        [("111", "DZA", "FRAGOV", "asserted")],
        True,
    ),
    (
        "an 'of' target may be written as the object's possessor",
        "The African Union suspended Mali's membership after the coup.",
        [("161", "IGOAFRAFU", "MLI", "asserted")],
        True,
    ),
    (
        "two states' adjectives joined by a slash own one role together",
        "US/British warplanes bombed Houthi targets in Yemen.",
        [("195", "GBRMIL", "YEMREB", "asserted"), ("195", "USAMIL", "YEMREB", "asserted")],
        True,
    ),
    (
        "a hyphen joins two owners too: joint forces are both states'",
        "Russian-Syrian forces attacked the town.",
        [("190", "SYRMIL", None, "asserted"), ("190", "RUSMIL", None, "asserted")],
        True,
    ),
    (
        "joined owners of a target, and of a joint act's sides",
        "The army attacked Iraqi/Iranian militia positions. Turkish/Azerbaijani troops held joint exercises.",
        [("190", "MIL", "IRNREB", "asserted"), ("190", "MIL", "IRQREB", "asserted"),
         ("062", "AZEMIL", "TURMIL", "asserted")],
        True,
    ),
    (
        "a sponsor is not whose its client is",
        "Russian-backed forces attacked the town. Iranian-backed militias attacked the base.",
        [("190", "MIL", None, "asserted"), ("190", "REB", "MIL", "asserted")],
        True,
    ),
    (
        "a protest a state allows is not the state's",
        "Sweden allowed protests against Turkey.",
        [("141", None, "TUR", "asserted")],
        True,
    ),
    (
        "whom a verb judges for a deed did the deed",
        "China criticised the United States for selling arms to Taiwan.",
        [("111", "CHN", "USA", "asserted"), ("062", "USA", "TWN", "asserted")],
        True,
    ),
    (
        "whom a state sanctions for a deed did the deed",
        "Washington sanctioned three Chinese firms for supplying drones to Russia.",
        [("163", "USAGOV", "CHNBUS", "asserted"), ("072", "CHNBUS", "RUS", "asserted")],
        True,
    ),
    (
        "what an accuser blames someone for stays an allegation",
        "Egypt blamed Hamas for attacking Israeli civilians.",
        [("112", "EGY", "PSEREB", "asserted")],
        True,
    ),
    (
        "hosting refugees is humanitarian aid, and the refugees are not the host's",
        "The UN praised Jordan for hosting refugees. Turkey hosts nearly four million Syrian refugees.",
        [("051", "IGOUNO", "JOR", "asserted"), ("073", "JOR", "CVL", "asserted"),
         ("073", "TUR", "SYRCVL", "asserted")],
        True,
    ),
    (
        "taking in refugees is aid; hosting a leader is still a visit",
        "Germany took in a million refugees in 2015. Jordan hosted the Iraqi president on Monday.",
        [("073", "DEU", "CVL", "asserted"), ("043", "JOR", "IRQGOV", "asserted")],
        True,
    ),
    (
        "whom a state grants asylum is not its own population",
        "Indonesia granted asylum to the activists.",
        [("075", "IDN", "OPP", "asserted")],
        True,
    ),
    (
        "asylum seekers, spaced or hyphenated, are not the state's own people",
        "Greek police beat asylum seekers near the border. Greek police beat asylum-seekers again.",
        [("182", "GRCCOP", "CVL", "asserted"), ("182", "GRCCOP", "CVL", "asserted")],
        True,
    ),
    (
        "a military government is a government; separatist groups are rebels",
        "Mali's military government ended a peace agreement with Tuareg separatist groups.",
        [("127", "MLIGOV", "MLIREB", "asserted")],
        True,
    ),
    (
        "a verb on an act aims at whom the act's 'by' phrase names, not at whom it befell",
        "Poland condemned the detention of its citizens by Belarusian police.",
        [("111", "POL", "BLRCOP", "asserted")],
        True,
    ),
    (
        "an act's 'by' phrase also names the target when its 'of' phrase names no actor",
        "Lithuania condemned the shelling of Kharkiv by Russian forces.",
        [("111", "LTU", "RUSMIL", "asserted")],
        True,
    ),
    (
        "arrests, abductions and assassinations named as nouns are events",
        "The arrest of the opposition leader by Turkish police sparked anger. "
        "Gunmen carried out the abduction of two aid workers. "
        "Israel's assassination of a Hezbollah commander angered Iran.",
        [("173", "TURCOP", "TUROPP", "asserted"), ("181", "REB", "NGO", "asserted"),
         ("186", "ISR", "LBNREB", "asserted")],
        False,
    ),
    (
        "a name the parser reads as an adverb before a verb with no subject is the subject",
        "Azerbaijan massed troops along the border with Armenia.",
        [("154", "AZEMIL", "ARM", "asserted")],
        True,
    ),
    (
        "withdrawing an objection or lifting a veto yields; it withdraws no troops",
        "Turkey withdrew its objection to Finland's membership. Hungary lifted its veto on the new "
        "sanctions package.",
        [("080", "TUR", "FIN", "asserted"), ("080", "HUN", None, "asserted")],
        True,
    ),
    (
        "the parties a state's government dissolves are its own",
        "The Guinean junta dissolved all political parties.",
        [("1722", "GINGOV", "GINPTY", "asserted")],
        True,
    ),
    (
        "raising a presence near a border mobilises forces against the state across it",
        "Israel increased its military presence along the Syrian border.",
        [("154", "ISRMIL", "SYR", "asserted")],
        True,
    ),
    (
        "monitors or inspectors allowed in are whom the permission is for",
        "Belarus allowed OSCE election observers to visit polling stations.",
        [("086", "BLR", "IGOEURSCE", "asserted")],
        True,
    ),
    (
        "a purpose of an act offered or readied is willed with it and names its target",
        "Turkey is prepared to send troops to help protect Azerbaijan.",
        [("0332", "TUR", "AZE", "asserted"), ("0334", "TUR", "AZE", "asserted")],
        True,
    ),
    (
        "help offered through a purpose clause is one stated intent",
        "Japan offered to send experts to help inspect the nuclear plant in Ukraine.",
        [("033", "JPN", "UKR", "asserted")],
        True,
    ),
    (
        "a complaint that states something is about whoever its clause blames",
        "Amnesty International complained that Egyptian police were torturing detainees.",
        [("114", "NGOHRIAMN", "EGYCOP", "asserted")],
        False,
    ),
    (
        "restoring or widening political freedoms eases restrictions on them",
        "The Tunisian government restored political freedoms.",
        [("0811", "TUNGOV", "TUN", "asserted")],
        True,
    ),
    (
        "people counted are civilians even when tagged as a singular name",
        "Thousands of Georgians rallied near parliament.",
        [("141", "GEOCVL", "GEOGOV", "asserted")],
        True,
    ),
    (
        "the compound of a generic act noun says what the act is",
        "The United Nations suspended some aid operations in Afghanistan.",
        [("162", "IGOUNO", "AFG", "asserted")],
        True,
    ),
    (
        "a deployment of forces is of their kind: peacekeeping forces keep the peace",
        "The deployment of UN peacekeeping forces in Lebanon was extended.",
        [("074", "IGOUNO", "LBN", "asserted")],
        True,
    ),
    (
        "an international body's force or threat in a state is aimed at that state",
        "ECOWAS threatened military intervention in Niger.",
        [("138", "IGOWAFWAS", "NER", "asserted")],
        True,
    ),
    (
        "a newspaper named for a capital is no government",
        "Russia banned the Moscow Times.",
        [("172", "RUS", "RUSMED", "asserted")],
        True,
    ),
    (
        "deliveries are of what their compound names",
        "Russia halted gas deliveries to Poland.",
        [("163", "RUS", "POL", "asserted")],
        True,
    ),
    (
        "talks with another that an actor speaks of are its own",
        "The Kremlin said talks with Washington had been constructive.",
        [("040", "RUSGOV", "USAGOV", "asserted")],
        True,
    ),
    (
        "a hyphenated lexicon verb is one word in every form",
        "The UN Security Council urged Armenia and Azerbaijan to de-escalate.",
        [("0256", "IGOUNO", "ARM", "asserted"), ("0256", "IGOUNO", "AZE", "asserted")],
        False,
    ),
    (
        "de-escalating at sentence start, capitalised",
        "De-escalating along the border, Chinese troops pulled back.",
        [("0874", "CHNMIL", None, "asserted")],
        False,
    ),
    (
        "refraining from force is de-escalation, demanded of each party",
        "Washington demanded that Ethiopia and Eritrea refrain from further attacks.",
        [("1056", "USAGOV", "ETH", "asserted"), ("1056", "USAGOV", "ERI", "asserted")],
        False,
    ),
    (
        "a protest's demand is its purpose: one event, coded by what it demands",
        "Georgian protesters marched through Tbilisi, demanding the resignation of the interior minister.",
        [("1411", "GEOCVL", "GEOGOV", "asserted")],
        True,
    ),
    (
        "a strike to press for a change of course is a strike for policy change",
        "Argentine unions staged a general strike to press the government to scrap its pension reform.",
        [("1432", "ARGLAB", "ARGGOV", "asserted")],
        True,
    ),
    (
        "a conjunct of a demanded act is demanded too, and not reported as done",
        "NATO demanded that Belgrade halt its offensive and pull back its troops from Kosovo.",
        [("1056", "IGOWSTNAT", "SRBGOV", "asserted")],
        False,
    ),
    (
        "an act joined to the demand itself is no demanded act",
        "Russia demanded talks and shelled Kharkiv.",
        [("108", "RUS", None, "asserted"), ("194", "RUSMIL", "UKR", "asserted")],
        False,
    ),
    (
        "a participle after a passive continues its doer, not its patient",
        "A refugee camp was attacked by Burundian militiamen, killing at least 40 people.",
        [("190", "BDIREB", "CVL", "asserted")],
        True,
    ),
    (
        "the killing a violent act caused is that act, on whom it killed",
        "Government warplanes dropped chlorine on the town of Saraqib, killing 12 civilians.",
        [("2041", "SYRMIL", "SYRCVL", "asserted")],
        True,
    ),
    (
        "an act's own coded target stays when it caused a killing",
        "Israeli jets struck a Hamas base, killing two fighters.",
        [("195", "ISRMIL", "PSEREB", "asserted")],
        True,
    ),
    (
        "a demanded ceasefire is 107, made to both sides named",
        "The African Union demanded a ceasefire between Sudan and South Sudan.",
        [("107", "IGOAFRAFU", "SDN", "asserted"), ("107", "IGOAFRAFU", "SSD", "asserted")],
        True,
    ),
    (
        "a meeting demanded of a body is demanded of it",
        "Ukraine demanded an urgent meeting of the OSCE.",
        [("108", "UKR", "IGOEURSCE", "asserted")],
        True,
    ),
    (
        "refusing entry to someone rejects them",
        "Poland refused entry to Belarusian truck drivers.",
        [("120", "POL", "BLRLAB", "asserted")],
        False,
    ),
    (
        "civilians killed by a state's aircraft are not assumed its own",
        "Turkish drones struck a village, killing seven civilians.",
        [("195", "TURMIL", "CVL", "asserted")],
        False,
    ),
    (
        "an institution force strikes at is its target; the town there only the place",
        "Militants detonated a truck bomb outside the interior ministry in Kabul.",
        [("1832", "AFGREB", "AFGGOV", "asserted")],
        True,
    ),
    (
        "a town where force strikes is no target",
        "Insurgents attacked in Baghdad on Sunday.",
        [("190", "IRQREB", None, "asserted")],
        True,
    ),
    (
        "telling the press is making a statement public, not addressing the press",
        "Lavrov told reporters in Moscow that the talks had been useful.",
        [],
        True,
    ),
    (
        "an act an accusation alleges is not reported as done",
        "Azerbaijan charged Armenia with shelling civilian areas.",
        [("1123", "AZE", "ARM", "asserted")],
        True,
    ),
    (
        "what a demand asks someone to be ready for is asked for, not an intent of theirs",
        "Jordan's king said the United States must be ready to mediate between Israel and Lebanon.",
        [("105", "JORGOV", "USA", "asserted")],
        True,
    ),
    (
        "preventing a protest restricts a freedom; the protest is not the police's",
        "Belarusian police prevented the march organised by opposition activists in Minsk.",
        [("1721", "BLRCOP", "BLR", "asserted")],
        False,
    ),
    (
        "what an arrest is for is alleged, not reported as done",
        "Iranian police arrested two journalists for spying for Israel.",
        [("173", "IRNCOP", "IRNMED", "asserted")],
        True,
    ),
    (
        "easing emergency measures in a place eases them there",
        "Ecuador eased emergency measures in Guayaquil on Monday.",
        [("081", "ECU", "ECU", "asserted")],
        False,
    ),
    (
        "prohibiting aid to someone stops aid to them",
        "Washington prohibited all aid to the Sudanese junta.",
        [("162", "USAGOV", "SDNGOV", "asserted")],
        False,
    ),
    (
        "judging an actor 'too' anything disapproves of it, from each who judges",
        "Polish and Czech diplomats think the German chancellor is far too timid.",
        [("110", "POLGOV", "DEUGOV", "asserted"), ("110", "CZEGOV", "DEUGOV", "asserted")],
        True,
    ),
    (
        "judging an actor's conduct wrong disapproves of the actor",
        "Saudi officials believe the Iranian approach is dangerous.",
        [("110", "SAUGOV", "IRN", "asserted")],
        True,
    ),
    (
        "a judgement that approves is praise",
        "Norway said the Colombian proposal was constructive.",
        [("051", "NOR", "COL", "asserted")],
        True,
    ),
    (
        "denying that something is acceptable rejects it",
        "Ankara insists that a Kurdish state in Syria is not acceptable.",
        [("120", "TURGOV", None, "asserted")],
        False,
    ),
    (
        "a judgement held by whom a viewpoint phrase names",
        "According to Greek officials, the Turkish approach is dangerous.",
        [("110", "GRCGOV", "TUR", "asserted")],
        True,
    ),
    (
        "the writer's own judgement is no actor's event",
        "The Turkish approach is dangerous.",
        [],
        True,
    ),
    (
        "a judgement denied, or of no actor, is no event",
        "Chile said the ruling was not unfair and the talks were useful.",
        [],
        True,
    ),
    (
        "a role 'from' two states is one actor per state, each meeting the other",
        "Negotiators from Armenia and Azerbaijan will hold a new round of talks in Washington.",
        [("040", "ARMGOV", "AZEGOV", "future")],
        True,
    ),
    (
        "a place that falls to someone is taken by them (the doer is in the 'to' phrase)",
        "Bakhmut falls to Russian forces after months of fighting",
        [("192", "RUSMIL", None, "asserted")],
        False,
    ),
    (
        "falling to a level is no event",
        "Oil prices fell to a two-year low on Monday.",
        [],
        True,
    ),
    (
        "a headline's actors listed before its subject act with it",
        "Qatar, Turkey sign defence pact",
        [("057", "QAT", "TUR", "asserted")],
        True,
    ),
    (
        "an armed group that bombs sets off bombs; it does not strike from the air",
        "Basque separatists bombed a police barracks in Bilbao.",
        [("183", "ESPREB", "ESPCOP", "asserted")],
        False,
    ),
    (
        "an armed group's drones do strike from the air",
        "Houthi drones bombed a Saudi oil facility.",
        [("195", "YEMREB", "SAU", "asserted")],
        True,
    ),
    (
        "a participle that describes its noun is no act ('armed with machetes')",
        "Gunmen armed with machetes attacked a camp for Congolese refugees.",
        [("190", "REB", None, "asserted")],
        True,
    ),
    (
        "the purpose of an act denied is denied too",
        "Turkey did not send troops to fight the Kurds.",
        [("190", "TURMIL", None, "negated")],
        False,
    ),
    (
        "what one denies being involved to do is denied",
        "Moscow did not get involved to help the Syrians.",
        [("070", "RUSGOV", "SYR", "negated")],
        False,
    ),
    (
        "what no one does is not done",
        "No country has recognised the Taliban government.",
        [("054", None, "AFGGOV", "negated")],
        True,
    ),
    (
        "what neither side does is not done",
        "Neither side attacked the convoy.",
        [("190", None, "MIL", "negated")],
        True,
    ),
    (
        "force raised for a war against someone is raised against them; the war is not fought yet",
        "Russia massed troops for an offensive against Ukraine.",
        [("154", "RUSMIL", "UKR", "asserted")],
        True,
    ),
    (
        "ordering a newspaper to stop restricts the press",
        "The Belarusian government ordered the opposition newspaper Nasha Niva to stop publishing.",
        [("1721", "BLRGOV", "BLROPP", "asserted")],
        False,
    ),
    (
        "a speaker optimistic about something comments on whom it names (013)",
        "The Greek prime minister said he was optimistic about the coming talks with Ankara.",
        [("013", "GRCGOV", "TURGOV", "asserted")],
        False,
    ),
    (
        "a speaker pessimistic about relations comments on the other side (012)",
        "The Serbian president said he was pessimistic about relations with Kosovo.",
        [("012", "SRBGOV", "XKX", "asserted")],
        False,
    ),
    (
        "stepping aside is leaving office",
        "The Sudanese president stepped aside after weeks of protests.",
        [("0831", "SDNGOV", None, "asserted")],
        False,
    ),
]


@pytest.mark.parametrize(("tag", "sentence", "expected", "exact"), CASES, ids=[c[0] for c in CASES])
def test_sentence(pipeline: Pipeline, tag: str, sentence: str, expected: list[Expected], exact: bool) -> None:
    coded = code_text(pipeline, sentence, DAY)
    got = [
        (e.code, e.source.code if e.source else None, e.target.code if e.target else None, e.modality)
        for e in coded.events
    ]
    for event in expected:
        assert event in got, f"{tag}: {event} not in {got}"
    if exact:
        assert sorted(got) == sorted(expected), f"{tag}: extra events {got}"


def test_event_fields_come_from_the_codebook(pipeline: Pipeline) -> None:
    [event] = code_text(pipeline, "Germany expelled the Russian ambassador on Tuesday.", DAY).events
    assert (event.root, event.quad_class, event.goldstein) == ("16", 4, -4.0)
    assert (event.plover_type, event.plover_mode) == ("SANCTION", None)
    assert event.trigger.text == "expelled"
    assert "verbs.tsv:" in event.rule and "161" in event.rule
    assert 0 < event.confidence <= 1


def test_trigger_and_actor_spans_point_into_the_text(pipeline: Pipeline) -> None:
    text = "Intro line.\n\nIranian drones attacked a US base in eastern Syria."
    coded = code_text(pipeline, text, DAY)
    [event] = coded.events
    body = coded.document.text
    assert body[event.trigger.start : event.trigger.end] == "attacked"
    assert event.source is not None and event.source.start is not None
    assert body[event.source.start : event.source.end] == event.source.text


def test_reported_speech_is_attributed(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "The Pentagon said that Iranian drones had attacked a US base.", DAY)
    attack = [e for e in coded.events if e.code == "195"]
    assert attack and attack[0].attributed_to is not None
    assert attack[0].attributed_to.code == "USAMIL"


@pytest.mark.parametrize(
    ("text", "code", "claimant"),
    [
        # a claim noun's clause is its owner's claim, not the author's report
        ("Russia's claim that Ukraine shelled the plant was rejected by Kyiv.", "194", ("RUS", "Russia")),
        ("Kyiv dismissed Russian claims that Ukrainian drones struck the plant.", "195", ("RUS", "Russian")),
        # unnamed, the claim itself stands as the (uncoded) source
        ("Allegations that Rwandan troops killed civilians were denied by Kigali.", "190",
         (None, "Allegations")),
        # a report that speaks is its author's
        ("A report by Human Rights Watch said that Ethiopian troops killed civilians.", "190",
         ("NGOHRI", "Human Rights Watch")),
        # "according to" cites the source, wherever the parser hangs it, in the source's words
        ("According to Amnesty International, police tortured detainees in Cairo.", "1822",
         ("NGOHRIAMN", "Amnesty International")),
        ("An Israeli drone struck a car in Tyre, killing two men, according to Lebanese security sources.",
         "195", ("LBN", "Lebanese security sources")),
        ("Russian jets bombed a market in Idlib, according to witnesses.", "195", (None, "witnesses")),
        # a speaker the lexicon does not know speaks in its own words, uncoded, before or after
        ("Critics say the Kremlin bombed hospitals in Aleppo.", "195", (None, "Critics")),
        ("The Saudis are funding the jihadists, one reader wrote.", "070", (None, "one reader")),
    ],
)
def test_an_act_a_claim_reports_is_attributed_to_the_claimant(
    pipeline: Pipeline, text: str, code: str, claimant: tuple[str | None, str]
) -> None:
    coded = code_text(pipeline, text, DAY)
    acts = [e for e in coded.events if e.code == code]
    assert acts and acts[0].attributed_to is not None
    assert (acts[0].attributed_to.code, acts[0].attributed_to.text) == claimant


def test_pronoun_refers_to_a_person_in_an_earlier_paragraph(pipeline: Pipeline) -> None:
    text = "Syrian President Bashar al-Assad arrived on Tuesday.\n\nHe met Putin in Moscow."
    coded = code_text(pipeline, text, dt.date(2015, 10, 21))
    assert ("040", "SYRGOV", "RUSGOV") in [
        (e.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in coded.events
    ]


def test_leader_code_depends_on_the_document_date(pipeline: Pipeline) -> None:
    in_office = code_text(pipeline, "Obama visited Turkey.", dt.date(2012, 5, 1)).events
    assert [(e.source.code if e.source else None) for e in in_office] == ["USAGOV"]
    # After his term he is one of his state's elites (CAMEO ELI), not its government.
    later = code_text(pipeline, "Obama visited Turkey.", dt.date(2020, 5, 1)).events
    assert [(e.source.code if e.source else None) for e in later] == ["USAELI"]
    # Before any term of his the name is left uncoded (he may have led an opposition).
    before = code_text(pipeline, "Obama visited Turkey.", dt.date(2004, 5, 1)).events
    assert all((e.source is None or e.source.code in (None, "")) for e in before)


def test_a_domestic_event_is_placed_in_its_country_not_the_story_s(pipeline: Pipeline) -> None:
    text = (
        "Fighting continued in Idlib and Aleppo.\n\n"
        "The Iraqi government is under pressure from Iraqi clerics."
    )
    [event] = [e for e in code_text(pipeline, text, DAY).events if e.code == "100"]
    assert event.location is not None and (event.location.country, event.location.inferred) == ("IRQ", True)


def test_denying_an_act_of_one_s_own_side_is_not_owning_up(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Moscow denied that Russian troops had shelled the market.", DAY)
    assert "015" not in {e.code for e in coded.events}


def test_a_war_named_as_the_setting_is_no_event(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Prices rose during the Syrian war.", DAY)
    assert coded.events == ()

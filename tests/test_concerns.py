"""The concern tagger, concern by concern: tables of realistic treaty-sentence changes.

For each of the six concerns of the default pack there is a table of changes that must be tagged
``addresses`` and changes that must be tagged ``worsens`` for that concern, drawn from what analysts
look for (``DOMAIN.md``). Each case is one article of a small draft, compared before and after; the
chapter and the article heading are part of the case, because they bring a change within a
concern's reach and decide whether the provision is a power or a safeguard for it. The sentences
are written for these tests in the style of UN conventions; none is a real treaty's text. A case
the tagger gets wrong is kept and marked ``xfail(strict=True)`` with the tags actually found, so
that the rule owner sees it and the mark goes when the rule or the pack is fixed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import treatydiff as td
from treatydiff.concerns import ConcernPackError, ConcernTag
from treatydiff.concerns.tagger import _chapeau

GENERAL = "Chapter I – General provisions"
CRIMINALIZATION = "Chapter II – Criminalization"
PROCEDURAL = "Chapter IV – Procedural measures and law enforcement"
COOPERATION = "Chapter V – International cooperation"
PREVENTION = "Chapter VI – Preventive measures"
ASSISTANCE = "Chapter VII – Technical assistance and information exchange"
FINAL = "Chapter IX – Final provisions"
#: Instead of a chapter: the bodies are recitals of the preamble, before an unchanged article.
PREAMBLE = "preamble"
PUBLIC = "public-interest-protections"

TITLE = "Draft Convention on Countering the Criminal Misuse of Digital Networks"
STANDING_ARTICLE = (
    "Chapter I – General provisions\n\nArticle 1\nStatement of purpose\n\n"
    "The purpose of this Convention is to promote and strengthen international cooperation in "
    "preventing and combating the criminal misuse of digital networks.\n"
)


def draft(body: str, heading: str, chapter: str = PROCEDURAL) -> td.Draft:
    """A one-article draft: *body* under article 5 *heading* in *chapter* (or in the preamble)."""
    if chapter == PREAMBLE:
        return td.loads(
            f"{TITLE}\n\nThe States Parties to this Convention,\n{body}\n"
            f"Have agreed as follows:\n\n{STANDING_ARTICLE}"
        )
    return td.loads(f"{chapter}\n\nArticle 5\n{heading}\n\n{body}\n")


def comparison(old: str, new: str, heading: str, chapter: str = PROCEDURAL) -> td.Comparison:
    """The two versions of article 5 compared with the default pack."""
    return td.compare(draft(old, heading, chapter), draft(new, heading, chapter))


def tags(old: str, new: str, heading: str, chapter: str = PROCEDURAL) -> list[ConcernTag]:
    """The concern tags of the change from *old* to *new*."""
    return list(comparison(old, new, heading, chapter).tags)


def effects(old: str, new: str, heading: str, chapter: str, concern: str) -> list[str]:
    """The effects tagged for *concern*, one per tagged change."""
    return [tag.effect for tag in tags(old, new, heading, chapter) if tag.concern == concern]


def wrong(reason: str) -> pytest.MarkDecorator:
    """The mark for a case the tagger gets wrong today."""
    return pytest.mark.xfail(reason=reason, strict=True)


CASE_ARGS = ("effect", "old", "new", "heading", "chapter")

# -- overbroad-criminalization ------------------------------------------------------------------

OVERBROAD = [
    pytest.param(
        "worsens",
        "Recognizing the need to protect victims of computer-related crime,",
        "Recognizing the need to protect victims of computer-related crime,\n"
        "Concerned at the use of computer systems to spread material that insults public "
        "authorities,",
        "preamble",
        PREAMBLE,
        id="recital-against-insulting-material",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall adopt such legislative and other measures as may be necessary to "
        "establish as a criminal offence under its domestic law, when committed without right, "
        "the damaging, deletion, deterioration, alteration or suppression of electronic data.",
        "Each State Party shall adopt such legislative and other measures as may be necessary to "
        "establish as a criminal offence under its domestic law, when committed intentionally "
        "and without right, the damaging, deletion, deterioration, alteration or suppression of "
        "electronic data.",
        "Interference with electronic data",
        CRIMINALIZATION,
        id="intent-element-added",
    ),
    pytest.param(
        "addresses",
        "1. Each State Party shall establish as a criminal offence the unauthorized access to an "
        "information and communications technology system.\n\n"
        "2. Each State Party shall also establish as a criminal offence the dissemination, by "
        "means of an information and communications technology system, of material that "
        "glorifies or justifies terrorism or extremism.",
        "1. Each State Party shall establish as a criminal offence the unauthorized access to an "
        "information and communications technology system.",
        "Offences related to the dissemination of content",
        CRIMINALIZATION,
        id="content-offence-paragraph-deleted",
    ),
    pytest.param(
        "addresses",
        "This Convention shall apply to the prevention, investigation and prosecution of the "
        "offences established in accordance with this Convention and of any other criminal "
        "offence committed by means of an information and communications technology system.",
        "This Convention shall apply to the prevention, investigation and prosecution of the "
        "offences established in accordance with this Convention.",
        "Scope of application",
        GENERAL,
        id="scope-narrowed-to-own-offences",
    ),
    pytest.param(
        "addresses",
        "A State Party may require that the conduct described in paragraph 1 be committed with "
        "dishonest intent.",
        "A State Party shall require that the conduct described in paragraph 1 be committed with "
        "dishonest intent.",
        "Computer-related fraud",
        CRIMINALIZATION,
        id="intent-element-made-mandatory",
    ),
    pytest.param(
        "addresses",
        "1. Each State Party shall establish as criminal offences the producing, offering or "
        "distributing of child sexual abuse material through an information and communications "
        "technology system.",
        "1. Each State Party shall establish as criminal offences the producing, offering or "
        "distributing of child sexual abuse material through an information and communications "
        "technology system.\n\n"
        "2. Paragraph 1 shall not apply to material that children produce of themselves and "
        "keep or share among themselves with their consent.",
        "Offences related to online child sexual abuse material",
        CRIMINALIZATION,
        id="mandatory-exclusion-for-children-added",
    ),
    pytest.param(
        "addresses",
        "States Parties may take steps to exclude from criminalization the consensual conduct of "
        "children who are above the age of sexual consent.",
        "States Parties shall exclude from criminalization the consensual conduct of children "
        "who are above the age of sexual consent.",
        "Offences related to online child sexual abuse material",
        CRIMINALIZATION,
        id="exclusion-for-consensual-conduct-made-mandatory",
    ),
    pytest.param(
        "addresses",
        "A State Party may require that the interference result in serious harm.",
        "A State Party shall require that the interference result in serious harm.",
        "Interference with an information and communications technology system",
        CRIMINALIZATION,
        id="harm-element-made-mandatory",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall establish as a criminal offence under its domestic law, when "
        "committed intentionally and without right, the access to the whole or any part of an "
        "information and communications technology system.",
        "Each State Party shall establish as a criminal offence under its domestic law the "
        "access to the whole or any part of an information and communications technology "
        "system.",
        "Illegal access",
        CRIMINALIZATION,
        id="intent-and-without-right-dropped",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall establish as a criminal offence, when committed intentionally "
        "and without right, the interception, made by technical means, of non-public "
        "transmissions of electronic data.",
        "Each State Party shall establish as a criminal offence, when committed intentionally, "
        "the interception, made by technical means, of non-public transmissions of electronic "
        "data.",
        "Illegal interception",
        CRIMINALIZATION,
        id="without-right-dropped",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall establish as a criminal offence the distribution, by means of an "
        "information and communications technology system, of intimate images of a person "
        "without the consent of that person.",
        "Each State Party shall establish as a criminal offence the distribution, by means of an "
        "information and communications technology system, of intimate images of a person "
        "without the consent of that person, or of false information that threatens public "
        "order.",
        "Dissemination of content",
        CRIMINALIZATION,
        id="false-information-offence-added",
    ),
    pytest.param(
        "worsens",
        "1. Each State Party shall establish as a criminal offence the unauthorized access to an "
        "information and communications technology system.",
        "1. Each State Party shall establish as a criminal offence the unauthorized access to an "
        "information and communications technology system.\n\n"
        "2. Each State Party shall establish as a criminal offence any call for, or incitement "
        "to, subversive or extremist activity made by means of an information and "
        "communications technology system.",
        "Offences related to extremist activity",
        CRIMINALIZATION,
        id="incitement-offence-paragraph-added",
    ),
    pytest.param(
        "worsens",
        "This Convention shall apply to the prevention, investigation and prosecution of the "
        "offences established in accordance with this Convention.",
        "This Convention shall apply to the prevention, investigation and prosecution of the "
        "offences established in accordance with this Convention and of offences established "
        "in accordance with other United Nations conventions when committed through the use of "
        "an information and communications technology system.",
        "Scope of application",
        GENERAL,
        id="offences-imported-from-other-conventions",
    ),
    pytest.param(
        "worsens",
        "The purposes of this Convention are to promote and strengthen measures to prevent and "
        "combat cybercrime.",
        "The purposes of this Convention are to promote and strengthen measures to prevent and "
        "combat cybercrime and certain crimes committed by means of information and "
        "communications technology systems.",
        "Statement of purpose",
        GENERAL,
        id="purpose-extended-to-crimes-committed-by-ict",
    ),
    pytest.param(
        "worsens",
        "1. This Convention may be supplemented by one or more protocols.",
        "1. This Convention may be supplemented by one or more protocols.\n\n"
        "2. A protocol may establish additional criminal offences, which the States Parties to "
        "that protocol shall make punishable under their domestic law.",
        "Relation with protocols",
        FINAL,
        id="protocols-may-add-offences",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall establish as criminal offences the production, sale or "
        "distribution of a device designed primarily for the purpose of committing an offence "
        "established in accordance with articles 7 to 11.",
        "Each State Party shall establish as criminal offences the production, sale, "
        "procurement for use, import, distribution or otherwise making available of any device "
        "designed for the purpose of committing an offence established in accordance with "
        "articles 7 to 11.",
        "Misuse of devices",
        CRIMINALIZATION,
        id="device-offence-list-widened",
    ),
]

# -- public-interest-protections ----------------------------------------------------------------

PUBLIC_INTEREST = [
    pytest.param(
        "worsens",
        "Each State Party shall establish as a criminal offence the distribution of child sexual "
        "abuse material by means of a digital network.",
        "1. Each State Party shall establish as a criminal offence the distribution of child "
        "sexual abuse material by means of a digital network.\n\n"
        "2. Each State Party shall establish as a criminal offence the dissemination by means of "
        "a digital network of false information that is likely to disturb public order.",
        "Content-related offences",
        CRIMINALIZATION,
        id="false-information-offence-added",
    ),
    pytest.param(
        "addresses",
        "1. Each State Party shall establish as a criminal offence the distribution by means of a "
        "digital network of material that insults a public official.\n\n"
        "2. Each State Party shall establish as a criminal offence the distribution of child "
        "sexual abuse material by means of a digital network.",
        "Each State Party shall establish as a criminal offence the distribution of child sexual "
        "abuse material by means of a digital network.",
        "Content-related offences",
        CRIMINALIZATION,
        id="insult-offence-deleted",
    ),
    pytest.param(
        "addresses",
        "A State Party may require that the offence be committed by infringing security measures, "
        "with the intent of obtaining electronic data or other dishonest intent.",
        "A State Party shall require that the offence be committed by infringing security "
        "measures, with the intent of obtaining electronic data or other dishonest intent.",
        "Illegal access",
        CRIMINALIZATION,
        id="may-require-to-shall-require",
    ),
    pytest.param(
        "addresses",
        "1. Each State Party shall establish as a criminal offence the access, without right, to "
        "the whole or any part of an information and communications technology system.",
        "1. Each State Party shall establish as a criminal offence the access, without right, to "
        "the whole or any part of an information and communications technology system.\n\n"
        "2. Access undertaken in good faith for authorized testing or security research shall "
        "not be considered to be without right.",
        "Illegal access",
        CRIMINALIZATION,
        id="security-research-defence-added",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall establish as a criminal offence the interception, without right, "
        "of non-public transmissions of electronic data to, from or within an information and "
        "communications technology system.",
        "Each State Party shall establish as a criminal offence the interception, without right, "
        "of non-public transmissions of electronic data to, from or within an information and "
        "communications technology system, other than in the course of journalism or "
        "whistleblowing in the public interest.",
        "Illegal interception",
        CRIMINALIZATION,
        id="journalism-and-whistleblowing-carve-out",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall empower its competent authorities to order any person who has "
        "knowledge about the functioning of the information and communications technology "
        "system to provide the information necessary to search the system.",
        "Each State Party shall empower its competent authorities to order the service provider "
        "concerned to provide the information necessary to search the system.",
        "Search and seizure of stored electronic data",
        PROCEDURAL,
        id="compelled-assistance-confined-to-service-provider",
    ),
    pytest.param(
        "addresses",
        '"Without right" refers to conduct that is not authorized by domestic law.',
        '"Without right" refers to conduct that is not authorized by domestic law or by the '
        "owner of the system, and does not include authorised testing or good-faith security "
        "research.",
        "Use of terms",
        GENERAL,
        id="without-right-defined-to-exclude-testing",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall establish as criminal offences the possession or obtaining of a "
        "device or password with intent that it be used to commit an offence.",
        "Each State Party shall establish as criminal offences the possession or obtaining of a "
        "device or password with intent that it be used to commit an offence, but shall not "
        "impose liability where the device is held for the protection of a system.",
        "Misuse of devices",
        CRIMINALIZATION,
        id="protection-of-a-system-exempted",
    ),
    pytest.param(
        "worsens",
        "A State Party shall require that the offence be committed by infringing security "
        "measures or with dishonest intent.",
        "A State Party may require that the offence be committed by infringing security measures "
        "or with dishonest intent.",
        "Illegal access",
        CRIMINALIZATION,
        id="intent-element-left-optional",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall empower its competent authorities to order the service provider "
        "concerned to provide the information necessary to search the system.",
        "Each State Party shall empower its competent authorities to order any person who has "
        "knowledge about the functioning of the information and communications technology "
        "system to provide the information necessary to search the system.",
        "Search and seizure of stored electronic data",
        PROCEDURAL,
        id="compelled-assistance-from-anyone-with-knowledge",
    ),
    pytest.param(
        "worsens",
        "1. Each State Party shall establish as a criminal offence the access, without right, to "
        "an information and communications technology system.\n\n"
        "2. Nothing in this article shall be interpreted as imposing criminal liability for "
        "authorized testing or for the protection of an information and communications "
        "technology system.",
        "1. Each State Party shall establish as a criminal offence the access, without right, to "
        "an information and communications technology system.",
        "Illegal access",
        CRIMINALIZATION,
        id="authorized-testing-defence-deleted",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall establish as a criminal offence the obtaining of electronic data "
        "by infringing security measures, when committed dishonestly and not in good faith.",
        "Each State Party shall establish as a criminal offence the obtaining of electronic data "
        "by infringing security measures, when committed dishonestly.",
        "Illegal access",
        CRIMINALIZATION,
        id="good-faith-qualifier-dropped",
    ),
    pytest.param(
        "worsens",
        "States Parties shall ensure that good-faith security research and journalism are not "
        "criminalized under the offences established in accordance with articles 7 to 10.",
        "States Parties shall, where appropriate, ensure that good-faith security research and "
        "journalism are not criminalized under the offences established in accordance with "
        "articles 7 to 10.",
        "Protection of security research",
        CRIMINALIZATION,
        id="research-protection-qualified",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall establish as criminal offences the production, sale or "
        "distribution of a device designed for the purpose of committing an offence.",
        "Each State Party shall establish as criminal offences the production, sale or "
        "distribution, or the possession of, a device designed for the purpose of committing an "
        "offence.",
        "Misuse of devices",
        CRIMINALIZATION,
        id="mere-possession-criminalized",
    ),
]

# -- human-rights-safeguards --------------------------------------------------------------------

HUMAN_RIGHTS = [
    pytest.param(
        "addresses",
        "1. States Parties shall afford one another the widest measure of mutual legal "
        "assistance in investigations concerning the offences established in accordance with "
        "this Convention.",
        "1. States Parties shall afford one another the widest measure of mutual legal "
        "assistance in investigations concerning the offences established in accordance with "
        "this Convention.\n\n"
        "2. Mutual legal assistance under this chapter shall be subject to the conditions and "
        "safeguards provided for in article 24 of this Convention.",
        "Mutual legal assistance",
        COOPERATION,
        id="safeguards-extended-to-cooperation",
    ),
    pytest.param(
        "addresses",
        "1. States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law.",
        "1. States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law."
        "\n\n"
        "2. Nothing in this Convention shall be interpreted as permitting the suppression of "
        "human rights or fundamental freedoms, including the freedoms of expression, "
        "conscience, opinion, religion or belief, peaceful assembly and association.",
        "Respect for human rights",
        GENERAL,
        id="no-suppression-of-named-freedoms-added",
    ),
    pytest.param(
        "addresses",
        "States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law.",
        "States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law "
        "and with the principles of legality, necessity, proportionality and "
        "non-discrimination.",
        "Respect for human rights",
        GENERAL,
        id="legality-necessity-proportionality-added",
    ),
    pytest.param(
        "addresses",
        "States Parties shall, in accordance with their domestic law, ensure that the "
        "implementation of this Convention respects human rights and fundamental freedoms.",
        "States Parties shall ensure that the implementation of this Convention respects human "
        "rights and fundamental freedoms.",
        "Respect for human rights",
        GENERAL,
        id="domestic-law-qualifier-removed",
    ),
    pytest.param(
        "addresses",
        "1. States Parties shall respect human rights in implementing this Convention.",
        "1. States Parties shall respect human rights in implementing this Convention.\n\n"
        "2. Each State Party shall ensure that any person whose rights or freedoms are violated "
        "by a measure taken under this Convention has access to an effective remedy.",
        "Respect for human rights",
        GENERAL,
        id="effective-remedy-added",
    ),
    pytest.param(
        "addresses",
        "The obligations set out in paragraph 1 apply to the measures taken under chapter IV of "
        "this Convention.",
        "The obligations set out in paragraph 1 apply to all measures taken under this "
        "Convention, including international cooperation.",
        "Respect for human rights",
        GENERAL,
        id="safeguards-extended-to-cooperation",
    ),
    pytest.param(
        "addresses",
        "Measures taken under this Convention shall be subject to review by a competent authority.",
        "Measures taken under this Convention shall be subject to judicial or other independent "
        "review.",
        "Respect for human rights",
        GENERAL,
        id="independent-review-required",
    ),
    pytest.param(
        "addresses",
        "Nothing in this Convention shall be interpreted as permitting the restriction of human "
        "rights or fundamental freedoms.",
        "Nothing in this Convention shall be interpreted as permitting the suppression of human "
        "rights or fundamental freedoms.",
        "Respect for human rights",
        GENERAL,
        id="restriction-to-suppression",
    ),
    pytest.param(
        "worsens",
        "Nothing in this Convention shall be interpreted as permitting the suppression of human "
        "rights or fundamental freedoms, including the freedoms of expression and assembly.",
        "Nothing in this Convention shall be interpreted as permitting the restriction of human "
        "rights or fundamental freedoms, including the freedoms of expression and assembly.",
        "Respect for human rights",
        GENERAL,
        id="suppression-to-restriction",
    ),
    pytest.param(
        "worsens",
        "1. States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law."
        "\n\n"
        "2. Nothing in this Convention shall be interpreted as permitting the suppression of "
        "human rights or fundamental freedoms.",
        "1. States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law.",
        "Respect for human rights",
        GENERAL,
        id="freedoms-paragraph-deleted",
    ),
    pytest.param(
        "worsens",
        "States Parties shall ensure that the implementation of this Convention respects human "
        "rights and fundamental freedoms.",
        "States Parties shall, as appropriate, ensure that the implementation of this "
        "Convention respects human rights and fundamental freedoms.",
        "Respect for human rights",
        GENERAL,
        id="as-appropriate-inserted",
    ),
    pytest.param(
        "worsens",
        "The safeguards in this article shall apply to all measures taken under this Convention.",
        "The safeguards in this article shall apply only to the measures taken under chapter IV "
        "of this Convention.",
        "Respect for human rights",
        GENERAL,
        id="safeguards-confined-to-one-chapter",
    ),
    pytest.param(
        "worsens",
        "Such measures shall respect the principles of legality, necessity, proportionality and "
        "non-discrimination.",
        "Such measures shall respect the principles of legality and necessity.",
        "Respect for human rights",
        GENERAL,
        id="proportionality-and-non-discrimination-dropped",
    ),
    pytest.param(
        "worsens",
        "Measures taken under this Convention shall be subject to judicial or other independent "
        "review.",
        "Measures taken under this Convention shall be subject to review by a competent authority.",
        "Respect for human rights",
        GENERAL,
        id="independent-review-dropped",
    ),
    pytest.param(
        "worsens",
        "States Parties shall ensure that the implementation of their obligations under this "
        "Convention is consistent with their obligations under international human rights law.",
        "States Parties shall endeavour to ensure that the implementation of their obligations "
        "under this Convention is consistent with their obligations under applicable "
        "international human rights law.",
        "Respect for human rights",
        GENERAL,
        id="duty-softened-to-endeavour",
    ),
]

# -- gender-mainstreaming -----------------------------------------------------------------------

GENDER = [
    pytest.param(
        "addresses",
        "1. States Parties shall endeavour to develop policies and programmes to prevent the "
        "criminal misuse of digital networks.",
        "1. States Parties shall endeavour to develop policies and programmes to prevent the "
        "criminal misuse of digital networks.\n\n"
        "2. States Parties shall mainstream a gender perspective in the development and "
        "implementation of such policies and programmes.",
        "Prevention policies",
        PREVENTION,
        id="gender-perspective-paragraph-added",
    ),
    pytest.param(
        "addresses",
        "Nothing in this Convention shall be interpreted as imposing an obligation to afford "
        "assistance if the requested State Party has substantial grounds for believing that "
        "the request has been made for the purpose of prosecuting a person on account of that "
        "person's ethnic origin, nationality or political opinions.",
        "Nothing in this Convention shall be interpreted as imposing an obligation to afford "
        "assistance if the requested State Party has substantial grounds for believing that "
        "the request has been made for the purpose of prosecuting a person on account of that "
        "person's sex, race, ethnic origin, nationality or political opinions.",
        "Grounds for refusal",
        COOPERATION,
        id="sex-among-refusal-grounds",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall take appropriate measures to provide assistance and protection "
        "to victims of the offences established in accordance with this Convention.",
        "Each State Party shall take appropriate measures to provide assistance and protection "
        "to victims of the offences established in accordance with this Convention, taking "
        "into account the specific needs of women and girls.",
        "Assistance to and protection of victims",
        PROCEDURAL,
        id="needs-of-women-and-girls",
    ),
    pytest.param(
        "addresses",
        "Technical assistance may include training in the investigation of online sexual "
        "exploitation.",
        "Technical assistance may include training in the investigation of online sexual "
        "exploitation and of gender-based violence facilitated by digital networks.",
        "Technical assistance and capacity-building",
        ASSISTANCE,
        id="gender-based-violence-in-training",
    ),
    pytest.param(
        "addresses",
        "States Parties shall promote the participation of experts from developing countries in "
        "capacity-building activities.",
        "States Parties shall promote gender equality and the participation of women experts "
        "from developing countries in capacity-building activities.",
        "Technical assistance and capacity-building",
        ASSISTANCE,
        id="gender-equality-in-capacity-building",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall take appropriate measures to provide assistance and protection "
        "to victims, taking into account the specific needs of women and girls.",
        "Each State Party shall take appropriate measures to provide assistance and protection "
        "to victims.",
        "Assistance to and protection of victims",
        PROCEDURAL,
        id="women-and-girls-deleted",
    ),
    pytest.param(
        "worsens",
        "1. States Parties shall endeavour to develop policies to prevent the criminal misuse of "
        "digital networks.\n\n"
        "2. States Parties shall mainstream a gender perspective in all such policies.",
        "1. States Parties shall endeavour to develop policies to prevent the criminal misuse of "
        "digital networks.",
        "Prevention policies",
        PREVENTION,
        id="gender-paragraph-deleted",
    ),
    pytest.param(
        "worsens",
        "States Parties shall mainstream a gender perspective in all measures taken to prevent "
        "and combat the offences established in accordance with this Convention.",
        "States Parties shall, in accordance with their domestic law, mainstream a gender "
        "perspective in all measures taken to prevent and combat the offences established in "
        "accordance with this Convention.",
        "Prevention policies",
        PREVENTION,
        id="gender-duty-qualified-by-domestic-law",
    ),
    pytest.param(
        "worsens",
        "States Parties shall take into account gender-based violence in designing their "
        "prevention programmes.",
        "States Parties may consider taking into account gender-based violence in designing "
        "their prevention programmes.",
        "Prevention policies",
        PREVENTION,
        id="shall-to-may-consider",
    ),
    pytest.param(
        "worsens",
        "Assistance may be refused where the request has been made for the purpose of "
        "prosecuting a person on account of that person's sex, race or political opinions.",
        "Assistance may be refused where the request has been made for the purpose of "
        "prosecuting a person on account of that person's race or political opinions.",
        "Grounds for refusal",
        COOPERATION,
        id="sex-dropped-from-refusal-grounds",
    ),
    pytest.param(
        "mixed",
        "Recognizing the need to protect victims of the criminal misuse of digital networks,",
        "Recognizing the need to protect victims of the criminal misuse of digital networks, "
        "and the importance of mainstreaming a gender perspective,",
        "preamble",
        PREAMBLE,
        id="gender-perspective-only-in-preamble",
    ),
]

# -- surveillance-powers ------------------------------------------------------------------------

SURVEILLANCE = [
    pytest.param(
        "addresses",
        "The competent authorities may order a service provider to submit subscriber "
        "information relating to such services in its possession or control.",
        "The competent authorities may, subject to prior judicial authorization, order a service "
        "provider to submit subscriber information relating to such services in its "
        "possession or control.",
        "Production order",
        PROCEDURAL,
        id="prior-judicial-authorization-added",
    ),
    pytest.param(
        "addresses",
        "1. The powers and procedures provided for in this chapter shall be subject to the "
        "conditions and safeguards provided for under domestic law.",
        "1. The powers and procedures provided for in this chapter shall be subject to the "
        "conditions and safeguards provided for under domestic law.\n\n"
        "2. The exercise of those powers shall be subject to independent oversight by an "
        "authority that is not part of the executive.",
        "Conditions and safeguards",
        PROCEDURAL,
        id="independent-oversight-added",
    ),
    pytest.param(
        "addresses",
        "The competent authorities may order a service provider to produce specified stored "
        "electronic data.",
        "The competent authorities may order a service provider to produce specified stored "
        "electronic data, and shall notify the person concerned as soon as notification no "
        "longer jeopardizes the investigation.",
        "Production order",
        PROCEDURAL,
        id="user-notification-added",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall empower its competent authorities to collect or record content "
        "data of specified communications in respect of any criminal offence.",
        "Each State Party shall empower its competent authorities to collect or record content "
        "data of specified communications in respect of a range of serious offences to be "
        "determined by domestic law.",
        "Interception of content data",
        PROCEDURAL,
        id="interception-limited-to-serious-offences",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall compel a service provider, within its existing technical "
        "capability, to collect or record traffic data in real time.",
        "Each State Party may compel a service provider, within its existing technical "
        "capability, to collect or record traffic data in real time.",
        "Real-time collection of traffic data",
        PROCEDURAL,
        id="shall-to-may-in-real-time-collection",
    ),
    pytest.param(
        "addresses",
        "Each State Party shall adopt such measures as may be necessary to enable its competent "
        "authorities to order the expeditious preservation of specified electronic data.",
        "Each State Party shall endeavour to adopt such measures as may be necessary to enable "
        "its competent authorities to order the expeditious preservation of specified "
        "electronic data.",
        "Expedited preservation of stored electronic data",
        PROCEDURAL,
        id="shall-to-shall-endeavour-in-preservation",
    ),
    pytest.param(
        "addresses",
        "1. Each State Party shall empower its competent authorities to search and seize an "
        "information and communications technology system and the data stored in it.",
        "1. Each State Party shall empower its competent authorities to search and seize an "
        "information and communications technology system and the data stored in it.\n\n"
        "2. Nothing in this article shall be interpreted as requiring a service provider to "
        "weaken, break or circumvent encryption.",
        "Search and seizure of stored electronic data",
        PROCEDURAL,
        id="encryption-protected",
    ),
    pytest.param(
        "worsens",
        "Each State Party shall empower its competent authorities to collect or record traffic "
        "data in real time in respect of the offences established in accordance with this "
        "Convention.",
        "Each State Party shall empower its competent authorities to collect or record traffic "
        "data in real time in respect of any criminal offence.",
        "Real-time collection of traffic data",
        PROCEDURAL,
        id="powers-extended-to-any-criminal-offence",
    ),
    pytest.param(
        "worsens",
        "The competent authorities may, subject to prior judicial authorization, intercept "
        "content data of specified communications transmitted by means of an information and "
        "communications technology system.",
        "The competent authorities may intercept content data of specified communications "
        "transmitted by means of an information and communications technology system.",
        "Interception of content data",
        PROCEDURAL,
        id="prior-judicial-authorization-removed",
    ),
    pytest.param(
        "worsens",
        "1. Each State Party shall empower its competent authorities to collect or record "
        "traffic data in real time.",
        "1. Each State Party shall empower its competent authorities to collect or record "
        "traffic data in real time.\n\n"
        "2. Each State Party shall oblige a service provider to keep confidential the fact of "
        "the execution of any power provided for in this article and any information relating "
        "to it.",
        "Real-time collection of traffic data",
        PROCEDURAL,
        id="confidentiality-imposed-on-providers",
    ),
    pytest.param(
        "worsens",
        "Each State Party may require a service provider, within its existing technical "
        "capability, to cooperate and assist the competent authorities in the collection or "
        "recording of traffic data in real time.",
        "Each State Party shall require a service provider, within its existing technical "
        "capability, to cooperate and assist the competent authorities in the collection or "
        "recording of traffic data in real time.",
        "Real-time collection of traffic data",
        PROCEDURAL,
        id="may-to-shall-for-real-time-assistance",
    ),
    pytest.param(
        "worsens",
        "1. Each State Party shall empower its competent authorities to search and seize stored "
        "electronic data.",
        "1. Each State Party shall empower its competent authorities to search and seize stored "
        "electronic data.\n\n"
        "2. Each State Party shall empower its competent authorities to compel a service "
        "provider to decrypt, or otherwise render intelligible, any electronic data seized.",
        "Search and seizure of stored electronic data",
        PROCEDURAL,
        id="compelled-decryption-added",
    ),
    pytest.param(
        "worsens",
        "1. The competent authorities may order a service provider to produce specified stored "
        "electronic data.\n\n"
        "2. The competent authorities shall notify the person concerned once notification no "
        "longer jeopardizes the investigation.",
        "1. The competent authorities may order a service provider to produce specified stored "
        "electronic data.",
        "Production order",
        PROCEDURAL,
        id="user-notification-deleted",
    ),
    pytest.param(
        "worsens",
        "The competent authorities may order the preservation of specified electronic data for "
        "a period of up to 90 days.",
        "The competent authorities may order the preservation of specified electronic data for "
        "a period of up to 180 days.",
        "Expedited preservation of stored electronic data",
        PROCEDURAL,
        id="preservation-period-extended",
    ),
]

# -- data-sharing-cooperation -------------------------------------------------------------------

DATA_SHARING = [
    pytest.param(
        "worsens",
        "States Parties shall cooperate with each other for the purpose of specific criminal "
        "investigations or proceedings concerning the offences established in accordance with "
        "this Convention.",
        "States Parties shall cooperate with each other in criminal matters concerning the "
        "offences established in accordance with this Convention.",
        "General principles of international cooperation",
        COOPERATION,
        id="no-longer-limited-to-specific-investigations",
    ),
    pytest.param(
        "addresses",
        "States Parties shall cooperate with one another in collecting evidence in electronic "
        "form of a criminal offence.",
        "States Parties shall cooperate with one another for the purpose of specific criminal "
        "investigations or proceedings in collecting evidence in electronic form of a criminal "
        "offence.",
        "General principles of international cooperation",
        COOPERATION,
        id="specific-investigations-added",
    ),
    pytest.param(
        "addresses",
        "The requested State Party may refuse assistance in the absence of dual criminality.",
        "The requested State Party shall refuse assistance in the absence of dual criminality.",
        "Mutual legal assistance",
        COOPERATION,
        id="dual-criminality-made-mandatory",
    ),
    pytest.param(
        "addresses",
        "Mutual legal assistance may be refused:\n\n"
        "(a) If the request is not made in conformity with this article;\n\n"
        "(b) If execution of the request is likely to prejudice the sovereignty or security of "
        "the requested State Party.",
        "Mutual legal assistance may be refused:\n\n"
        "(a) If the request is not made in conformity with this article;\n\n"
        "(b) If execution of the request is likely to prejudice the sovereignty or security of "
        "the requested State Party;\n\n"
        "(c) If there are substantial grounds for believing that the request has been made for "
        "the purpose of prosecuting a person on account of that person's political opinions.",
        "Grounds for refusal",
        COOPERATION,
        id="discrimination-refusal-ground-added",
    ),
    pytest.param(
        "addresses",
        "1. A State Party shall transfer personal data to another State Party in response to a "
        "request under this chapter.",
        "1. A State Party shall transfer personal data to another State Party in response to a "
        "request under this chapter.\n\n"
        "2. A State Party shall not be required to transfer personal data if the transfer is "
        "prohibited by its data protection law.",
        "Transfer of personal data",
        COOPERATION,
        id="no-duty-to-transfer-against-data-protection-law",
    ),
    pytest.param(
        "addresses",
        "A State Party that receives personal data under this Convention may transfer them to a "
        "third country or an international organization.",
        "A State Party that receives personal data under this Convention may transfer them to a "
        "third country or an international organization only with the prior consent of the "
        "transferring State Party.",
        "Transfer of personal data",
        COOPERATION,
        id="consent-before-onward-transfer",
    ),
    pytest.param(
        "addresses",
        "Personal data transferred under this chapter may be used for law enforcement purposes.",
        "Personal data transferred under this chapter may be used only for the purposes for "
        "which they were transferred, subject to purpose limitation, and shall be erased once "
        "no longer needed.",
        "Protection of personal data",
        COOPERATION,
        id="purpose-limitation-and-retention-limits",
    ),
    pytest.param(
        "addresses",
        "States Parties shall afford one another the widest measure of mutual legal assistance "
        "in investigations concerning any serious crime.",
        "States Parties shall afford one another mutual legal assistance in investigations "
        "concerning the offences established in accordance with this Convention.",
        "Mutual legal assistance",
        COOPERATION,
        id="assistance-confined-to-convention-offences",
    ),
    pytest.param(
        "worsens",
        "States Parties shall cooperate in collecting evidence in electronic form of the "
        "offences established in accordance with this Convention.",
        "States Parties shall cooperate in collecting evidence in electronic form of any "
        "serious crime.",
        "General principles of international cooperation",
        COOPERATION,
        id="cooperation-for-any-serious-crime",
    ),
    pytest.param(
        "worsens",
        '"Serious crime" shall mean conduct constituting an offence punishable by a maximum '
        "deprivation of liberty of at least four years or a more serious penalty.",
        '"Serious crime" shall mean conduct constituting an offence punishable by a maximum '
        "deprivation of liberty of at least two years or a more serious penalty.",
        "Use of terms",
        GENERAL,
        id="serious-crime-threshold-lowered",
    ),
    pytest.param(
        "worsens",
        "A State Party may, upon request, forward to another State Party information obtained "
        "within the framework of its own investigations.",
        "A State Party may, without prior request, forward to another State Party information "
        "obtained within the framework of its own investigations.",
        "Spontaneous information",
        COOPERATION,
        id="spontaneous-sharing-without-request",
    ),
    pytest.param(
        "worsens",
        "The requested State Party shall refuse assistance in the absence of dual criminality.",
        "The requested State Party may refuse assistance in the absence of dual criminality.",
        "Mutual legal assistance",
        COOPERATION,
        id="dual-criminality-made-optional",
    ),
    pytest.param(
        "worsens",
        "States Parties shall exchange information concerning specific criminal investigations "
        "with one another.",
        "States Parties shall exchange information concerning persons of interest with one "
        "another.",
        "Law enforcement cooperation",
        COOPERATION,
        id="exchange-about-persons-of-interest",
    ),
    pytest.param(
        "worsens",
        "A State Party that receives personal data may transfer them to a third country only "
        "with the prior consent of the transferring State Party.",
        "A State Party that receives personal data may transfer them to a third country.",
        "Transfer of personal data",
        COOPERATION,
        id="onward-transfer-without-consent",
    ),
    pytest.param(
        "worsens",
        "States Parties shall afford one another mutual legal assistance in investigations "
        "concerning the offences established in accordance with this Convention.",
        "States Parties shall afford one another the widest measure of mutual legal assistance "
        "in investigations concerning the offences established in accordance with this "
        "Convention.",
        "Mutual legal assistance",
        COOPERATION,
        id="widest-measure-of-assistance",
    ),
]

TABLES = {
    "overbroad-criminalization": OVERBROAD,
    "public-interest-protections": PUBLIC_INTEREST,
    "human-rights-safeguards": HUMAN_RIGHTS,
    "gender-mainstreaming": GENDER,
    "surveillance-powers": SURVEILLANCE,
    "data-sharing-cooperation": DATA_SHARING,
}


def test_tables_cover_every_concern_of_the_default_pack() -> None:
    """Every concern of the default pack has at least four cases each way."""
    assert set(TABLES) == set(td.concerns.load_concerns().ids)
    for cases in TABLES.values():
        wanted = [case.values[0] for case in cases]
        assert wanted.count("addresses") >= 4
        assert wanted.count("worsens") >= 4


@pytest.mark.parametrize(CASE_ARGS, OVERBROAD)
def test_overbroad_criminalization(
    effect: str, old: str, new: str, heading: str, chapter: str
) -> None:
    """The change is tagged with the expected effect for over-broad criminalization."""
    assert effects(old, new, heading, chapter, "overbroad-criminalization") == [effect]


@pytest.mark.parametrize(CASE_ARGS, PUBLIC_INTEREST)
def test_public_interest_protections(
    effect: str, old: str, new: str, heading: str, chapter: str
) -> None:
    """The change is tagged with the expected effect for public-interest protections."""
    assert effects(old, new, heading, chapter, "public-interest-protections") == [effect]


@pytest.mark.parametrize(CASE_ARGS, HUMAN_RIGHTS)
def test_human_rights_safeguards(
    effect: str, old: str, new: str, heading: str, chapter: str
) -> None:
    """The change is tagged with the expected effect for human-rights safeguards."""
    assert effects(old, new, heading, chapter, "human-rights-safeguards") == [effect]


@pytest.mark.parametrize(CASE_ARGS, GENDER)
def test_gender_mainstreaming(effect: str, old: str, new: str, heading: str, chapter: str) -> None:
    """The change is tagged with the expected effect for gender mainstreaming."""
    assert effects(old, new, heading, chapter, "gender-mainstreaming") == [effect]


def test_offences_that_do_not_reach_the_press_are_not_public_interest_matters() -> None:
    """Incitement of a child is no offence on what people publish; a savings clause for
    defamation and insult protects reporting rather than criminalizing it."""
    base = (
        "Each State Party shall establish as a criminal offence the solicitation of a child for "
        "sexual purposes by means of a digital network."
    )
    widened = base.replace("solicitation of", "solicitation or incitement of")
    assert effects(base, widened, "Solicitation of children", CRIMINALIZATION, PUBLIC) == []
    saved = (
        f"1. {base}\n\n2. Nothing in this article shall be construed as criminalizing "
        "defamation, insult or the dissemination of false information."
    )
    assert effects(base, saved, "Solicitation of children", CRIMINALIZATION, PUBLIC) == [
        "addresses"
    ]


def test_gender_in_the_preamble_is_mixed_only_while_the_articles_lack_it() -> None:
    """A gender perspective added to the preamble addresses the concern when an operative
    article of the new draft mainstreams it too; confined to the preamble, it is mixed."""
    recital = "Recognizing the importance of mainstreaming a gender perspective,"
    operative = (
        "Chapter VI – Preventive measures\n\nArticle 2\nPreventive measures\n\n"
        "States Parties shall mainstream a gender perspective in their prevention policies.\n"
    )

    def preamble_draft(recitals: str, articles: str) -> td.Draft:
        return td.loads(
            f"{TITLE}\n\nThe States Parties to this Convention,\n{recitals}\n"
            f"Have agreed as follows:\n\n{STANDING_ARTICLE}\n{articles}"
        )

    victims = operative.replace(
        "mainstream a gender perspective in their prevention policies",
        "protect women and girls from online sexual exploitation",
    )
    old_recital = "Recognizing the need to protect victims,"
    for articles, effect in (("", "mixed"), (victims, "mixed"), (operative, "addresses")):
        comparison = td.compare(
            preamble_draft(old_recital, articles),
            preamble_draft(f"{old_recital}\n{recital}", articles),
        )
        tagged = [t for t in comparison.tags if t.concern == "gender-mainstreaming"]
        assert [t.effect for t in tagged] == [effect], articles
        if effect == "mixed":  # the words are confined to the preamble; nothing is worse
            assert tagged[0].rule == "gender-only-in-preamble"


@pytest.mark.parametrize(CASE_ARGS, SURVEILLANCE)
def test_surveillance_powers(effect: str, old: str, new: str, heading: str, chapter: str) -> None:
    """The change is tagged with the expected effect for surveillance powers."""
    assert effects(old, new, heading, chapter, "surveillance-powers") == [effect]


@pytest.mark.parametrize(CASE_ARGS, DATA_SHARING)
def test_data_sharing_cooperation(
    effect: str, old: str, new: str, heading: str, chapter: str
) -> None:
    """The change is tagged with the expected effect for data sharing in cooperation."""
    assert effects(old, new, heading, chapter, "data-sharing-cooperation") == [effect]


# -- polarity -----------------------------------------------------------------------------------

SAFEGUARD_HEADING = "Conditions and safeguards"
SAFEGUARD_SENTENCE = (
    "Such conditions and safeguards {modal} include independent oversight of the exercise of the "
    "powers and procedures provided for in this chapter."
)
POWER_HEADING = "Real-time collection of traffic data"
POWER_SENTENCE = (
    "Each State Party {modal} compel a service provider, within its existing technical capability, "
    "to collect or record traffic data associated with specified communications in real time."
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("shall", "may", id="shall-to-may"),
        pytest.param("shall", "shall, where appropriate,", id="where-appropriate-inserted"),
    ],
)
def test_same_wording_change_has_opposite_effects_in_power_and_safeguard(
    before: str, after: str
) -> None:
    """A weaker duty worsens surveillance powers in a safeguard and addresses them in a power."""
    in_safeguard = effects(
        SAFEGUARD_SENTENCE.format(modal=before),
        SAFEGUARD_SENTENCE.format(modal=after),
        SAFEGUARD_HEADING,
        PROCEDURAL,
        "surveillance-powers",
    )
    in_power = effects(
        POWER_SENTENCE.format(modal=before),
        POWER_SENTENCE.format(modal=after),
        POWER_HEADING,
        PROCEDURAL,
        "surveillance-powers",
    )
    assert (in_safeguard, in_power) == (["worsens"], ["addresses"])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("may", "shall", id="may-to-shall"),
        pytest.param("shall, where appropriate,", "shall", id="where-appropriate-removed"),
    ],
)
def test_same_stronger_duty_has_opposite_effects_in_power_and_safeguard(
    before: str, after: str
) -> None:
    """A stronger duty addresses surveillance powers in a safeguard and worsens them in a power."""
    in_safeguard = effects(
        SAFEGUARD_SENTENCE.format(modal=before),
        SAFEGUARD_SENTENCE.format(modal=after),
        SAFEGUARD_HEADING,
        PROCEDURAL,
        "surveillance-powers",
    )
    in_power = effects(
        POWER_SENTENCE.format(modal=before),
        POWER_SENTENCE.format(modal=after),
        POWER_HEADING,
        PROCEDURAL,
        "surveillance-powers",
    )
    assert (in_safeguard, in_power) == (["addresses"], ["worsens"])


# -- no tag for changes without meaning ---------------------------------------------------------

PRESERVATION = (
    "Each State Party shall adopt such legislative and other measures as may be necessary to "
    "enable its competent authorities to order the expeditious preservation of specified "
    "electronic data, including traffic data, for the purposes of the criminal investigations "
    "referred to in article 14, without prior judicial authorization."
)


def _edited(old: str, new: str) -> tuple[str, str]:
    """The preservation paragraph with *old* replaced by *new*, before and after."""
    assert old in PRESERVATION
    return PRESERVATION, PRESERVATION.replace(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(*_edited("data, including", "data including"), id="comma-dropped"),
        pytest.param(*_edited("authorization.", "authorization;"), id="full-stop-to-semicolon"),
        pytest.param(*_edited("competent", "competent,"), id="comma-added"),
        pytest.param(*reversed(_edited("expeditious", "expeditous")), id="typo-fixed"),
        pytest.param(*reversed(_edited("authorities", "authoritie s")), id="split-word-fixed"),
        pytest.param(*_edited("article 14", "article 15"), id="cross-reference-renumbered"),
        pytest.param(*_edited("specified", '"specified"'), id="straight-quotes"),
        pytest.param(*_edited("specified", "“specified”"), id="curly-quotes"),
        pytest.param(*_edited(", including", ",  including"), id="double-space"),
        pytest.param(PRESERVATION, PRESERVATION.replace(" the ", "\n the "), id="line-breaks"),
        pytest.param(*_edited("to order", "to to order"), id="doubled-word"),
        pytest.param(*_edited("Each State", "each State"), id="capitalisation"),
    ],
)
def test_cosmetic_changes_get_no_tag(old: str, new: str) -> None:
    """Punctuation, typos, quotes, renumbered references and whitespace get no concern tag."""
    assert tags(old, new, "Expedited preservation of stored electronic data") == []


def test_text_carried_into_a_renumbered_article_gets_no_tag() -> None:
    """Articles moved down by a new article, their text unchanged, get no tag; the new one does."""
    scope = (
        "1. The powers and procedures provided for in articles 6 and 7 shall apply to specific "
        "criminal investigations or proceedings.\n\n"
        "2. Each State Party may reserve the right to apply the measures referred to in "
        "article 7 only to a range of serious offences."
    )
    collection = (
        "1. Each State Party shall empower its competent authorities to collect or record "
        "traffic data in real time, subject to prior judicial authorization.\n\n"
        "2. Each State Party shall require a service provider, within its existing technical "
        "capability, to cooperate and assist the competent authorities in such collection."
    )
    inserted = (
        "Each State Party shall empower its competent authorities to order a service provider "
        "to keep confidential the fact that any power provided for in this chapter has been "
        "executed."
    )
    old = td.loads(
        f"{PROCEDURAL}\n\nArticle 5\nScope of procedural measures\n\n{scope}\n\n"
        f"Article 6\nReal-time collection of traffic data\n\n{collection}\n"
    )
    new = td.loads(
        f"{PROCEDURAL}\n\nArticle 5\nConfidentiality\n\n{inserted}\n\n"
        f"Article 6\nScope of procedural measures\n\n"
        f"{scope.replace('articles 6 and 7', 'articles 7 and 8').replace('article 7', 'article 8')}"
        f"\n\nArticle 7\nReal-time collection of traffic data\n\n{collection}\n"
    )
    result = td.compare(old, new)
    tagged = {tag.change for tag in result.tags}
    where = {c.id: (c.old_article, c.new_article) for c in result.changes}
    assert {where[change] for change in tagged} == {(None, "5")}


# -- rationale and evidence ---------------------------------------------------------------------

_QUOTED = re.compile(r"“[^”]*”")


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("...", " ").split())


ALL_CASES = [
    pytest.param(*case.values, id=f"{concern}-{case.id}")
    for concern, cases in TABLES.items()
    for case in cases
]


@pytest.mark.parametrize(CASE_ARGS, ALL_CASES)
def test_rationale_is_one_sentence_naming_the_article_and_evidence_is_quoted(
    effect: str, old: str, new: str, heading: str, chapter: str
) -> None:
    """Each rationale is one sentence naming the place; each evidence phrase is in the text."""
    result = comparison(old, new, heading, chapter)
    changes = {change.id: change for change in result.changes}
    if not result.tags:
        pytest.skip("no tag to check; the concern's own table reports the missing tag")
    for tag in result.tags:
        change = changes[tag.change]
        place = "the preamble" if chapter == PREAMBLE else "article 5"
        sentence = _QUOTED.sub("“…”", tag.rationale)
        assert place in tag.rationale
        assert tag.rationale[:1].isupper()
        assert sentence.endswith(".")
        assert not re.search(r"[.!?]\s", sentence[:-1]), tag.rationale
        assert "\n" not in tag.rationale
        assert tag.evidence, tag
        texts = _plain(f"{change.old_text} {change.new_text}")
        for phrase in tag.evidence:
            assert _plain(phrase.strip("[]")) in texts, (phrase, tag.rule)


def test_tags_name_existing_changes_and_concerns() -> None:
    """Tags refer to changes of the comparison and to concerns of the pack, with sane fields."""
    result = comparison(
        "Each State Party may require a service provider to collect or record traffic data in "
        "real time.",
        "Each State Party shall require a service provider to collect or record traffic data in "
        "real time in respect of any criminal offence, and to keep confidential the fact of "
        "such collection.",
        "Real-time collection of traffic data",
    )
    pack = td.concerns.load_concerns()
    assert result.tags
    for tag in result.tags:
        assert tag.change in {change.id for change in result.changes}
        assert tag.concern in pack.ids
        assert tag.effect in ("addresses", "worsens", "mixed")
        assert 0 < tag.confidence <= 1
        assert tag.rule
    summary = result.summary()
    assert summary["surveillance-powers"]["worsens"] == 1


# -- custom packs -------------------------------------------------------------------------------

BYCATCH_PACK = """
[pack]
id = "fisheries-demo"
title = "A fictional regional fisheries agreement: bycatch"

[[rulesets.duties]]
id = "weaker-measure"
kinds = ["obligation-weakened"]
role = "safeguard"
effect = "worsens"
confidence = 0.7
because = "a bycatch measure becomes optional or qualified"

[[rulesets.duties]]
id = "stronger-measure"
kinds = ["obligation-strengthened"]
role = "safeguard"
effect = "addresses"
because = "a bycatch measure becomes binding"

[[concerns]]
id = "bycatch-protections"
title = "Weak protection of non-target species from bycatch"
description = "Seabirds, sea turtles, sharks and marine mammals caught by longline fleets."
default_role = "safeguard"
use = ["duties"]

[concerns.applies]
headings = ["bycatch", "non-target species"]
terms = ["bycatch", "seabirds", "sea turtles", "sharks", "marine mammals"]

[concerns.words]
protective = ["mitigation", "observer", "circle hooks", "release"]
risky = ["derogation", "exemption"]

[[concerns.rules]]
id = "observer-coverage-cut"
kinds = ["threshold-changed"]
detail = "lowered"
effect = "worsens"
confidence = 0.8
because = "fewer fishing trips carry an observer"

[[concerns.rules]]
id = "species-added"
added = ["seabirds", "sea turtles", "sharks", "marine mammals"]
effect = "addresses"
because = "more species are protected"
"""

FISHERIES_PART = "Part III – Conservation and management measures"


def _bycatch_tags(old: str, new: str, pack: td.concerns.ConcernPack) -> list[ConcernTag]:
    return list(
        td.compare(
            draft(old, "Mitigation of bycatch", FISHERIES_PART),
            draft(new, "Mitigation of bycatch", FISHERIES_PART),
            concerns=pack,
        ).tags
    )


def test_custom_pack_parses() -> None:
    """A pack written for another treaty parses into its concern, words and rules."""
    pack = td.concerns.parse_pack(BYCATCH_PACK, source="bycatch.toml")
    assert pack.id == "fisheries-demo"
    assert pack.ids == ("bycatch-protections",)
    assert pack.source == "bycatch.toml"
    concern = pack.concern("bycatch-protections")
    assert concern.default_role == "safeguard"
    assert [rule.id for rule in concern.rules] == [
        "weaker-measure",
        "stronger-measure",
        "observer-coverage-cut",
        "species-added",
    ]
    assert concern.terms is not None
    assert concern.terms.search("protect Sea  Turtles")


@pytest.mark.parametrize(
    ("old", "new", "effect"),
    [
        pytest.param(
            "Each Member shall require longline vessels flying its flag to use circle hooks to "
            "reduce the bycatch of sea turtles.",
            "Each Member shall require longline vessels flying its flag to use circle hooks to "
            "reduce the bycatch of sea turtles and sharks.",
            "addresses",
            id="species-added",
        ),
        pytest.param(
            "Each Member shall ensure observer coverage of at least 20 per cent of the fishing "
            "trips of its longline vessels to monitor the bycatch of seabirds.",
            "Each Member shall ensure observer coverage of at least 5 per cent of the fishing "
            "trips of its longline vessels to monitor the bycatch of seabirds.",
            "worsens",
            id="observer-coverage-lowered",
        ),
        pytest.param(
            "Each Member shall require its vessels to apply bycatch mitigation measures.",
            "Each Member may require its vessels to apply bycatch mitigation measures.",
            "worsens",
            id="mitigation-made-optional",
        ),
        pytest.param(
            "Each Member shall, where appropriate, require the safe release of marine mammals "
            "caught as bycatch.",
            "Each Member shall require the safe release of marine mammals caught as bycatch.",
            "addresses",
            id="release-no-longer-qualified",
        ),
    ],
)
def test_custom_pack_tags(old: str, new: str, effect: str) -> None:
    """A custom pack's concern tags changes in its own treaty, and no default concern does."""
    pack = td.concerns.parse_pack(BYCATCH_PACK, source="bycatch.toml")
    found = _bycatch_tags(old, new, pack)
    assert [(tag.concern, tag.effect) for tag in found] == [("bycatch-protections", effect)]
    assert "article 5" in found[0].rationale
    assert "non-target species" in found[0].rationale


def test_custom_pack_loads_from_a_file(tmp_path: Path) -> None:
    """td.load_concerns reads a pack from a path, and compare() accepts the path as well."""
    path = tmp_path / "bycatch.toml"
    path.write_text(BYCATCH_PACK, encoding="utf-8")
    pack = td.load_concerns(path)
    assert pack.ids == ("bycatch-protections",)
    assert pack.source == str(path)
    old = draft(
        "Each Member shall require its vessels to apply bycatch mitigation measures.",
        "Mitigation of bycatch",
        FISHERIES_PART,
    )
    new = draft(
        "Each Member may require its vessels to apply bycatch mitigation measures.",
        "Mitigation of bycatch",
        FISHERIES_PART,
    )
    by_path = td.compare(old, new, concerns=path)
    assert [(t.concern, t.effect) for t in by_path.tags] == [("bycatch-protections", "worsens")]
    assert by_path.summary() == {
        "bycatch-protections": {"addresses": 0, "worsens": 1, "mixed": 0, "net": "worsened"}
    }


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        pytest.param(
            'effect = "worsens"\nconfidence = 0.8',
            'effects = "worsens"\nconfidence = 0.8',
            "effects",
            id="unknown-key-in-rule",
        ),
        pytest.param(
            'headings = ["bycatch", "non-target species"]',
            'heading = ["bycatch", "non-target species"]',
            "heading",
            id="unknown-key-in-applies",
        ),
        pytest.param(
            'kinds = ["threshold-changed"]',
            'kinds = ["threshold-lowered"]',
            "kinds",
            id="unknown-change-kind",
        ),
        pytest.param(
            'effect = "addresses"\nbecause = "more species',
            'effect = "improves"\nbecause = "more species',
            "effect",
            id="bad-effect",
        ),
        pytest.param(
            'id = "species-added"\n',
            "",
            "id",
            id="rule-without-id",
        ),
        pytest.param(
            'use = ["duties"]',
            'use = ["polarity"]',
            "use",
            id="unknown-ruleset",
        ),
        pytest.param(
            'default_role = "safeguard"',
            'default_role = "shield"',
            "default_role",
            id="bad-default-role",
        ),
        pytest.param(
            'detail = "lowered"',
            'detail = "lowered("',
            "detail",
            id="bad-detail-pattern",
        ),
        pytest.param(
            'kinds = ["threshold-changed"]\ndetail',
            'kinds = ["threshold-changed"]\nwhere = "preamble-only"\ndetail',
            "where",
            id="preamble-only-without-words",
        ),
    ],
)
def test_broken_pack_error_names_file_concern_and_key(
    tmp_path: Path, old: str, new: str, key: str
) -> None:
    """A broken pack raises ConcernPackError naming the file, the concern and the key."""
    assert old in BYCATCH_PACK
    path = tmp_path / "broken-bycatch.toml"
    path.write_text(BYCATCH_PACK.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConcernPackError) as caught:
        td.concerns.load_concerns(path)
    message = str(caught.value)
    assert str(path) in message
    assert "bycatch-protections" in message
    assert f"'{key}'" in message
    assert isinstance(caught.value, td.TreatydiffError)
    assert isinstance(caught.value, ValueError)


def test_pack_without_concern_id_names_the_entry(tmp_path: Path) -> None:
    """A concern without an id: the error names the file, the key and which entry it is."""
    path = tmp_path / "no-id.toml"
    path.write_text(BYCATCH_PACK.replace('id = "bycatch-protections"\n', ""), encoding="utf-8")
    with pytest.raises(ConcernPackError) as caught:
        td.concerns.load_concerns(path)
    message = str(caught.value)
    assert str(path) in message
    assert "'id'" in message
    assert "[[concerns]]" in message


def test_invalid_toml_error_names_file_and_line(tmp_path: Path) -> None:
    """A pack that is not TOML raises ConcernPackError naming the file and the line."""
    path = tmp_path / "not-toml.toml"
    path.write_text(BYCATCH_PACK.replace('effect = "worsens"', "effect = worsens", 1), "utf-8")
    with pytest.raises(ConcernPackError) as caught:
        td.concerns.load_concerns(path)
    message = str(caught.value)
    assert str(path) in message
    assert "TOML" in message
    line = BYCATCH_PACK.splitlines().index('effect = "worsens"') + 1
    assert f"line {line}" in message


def test_parse_pack_error_names_the_source() -> None:
    """parse_pack names the source it is given in its errors."""
    with pytest.raises(ConcernPackError, match=r"^my-pack\.toml, concern 'bycatch-protections'"):
        td.concerns.parse_pack(
            BYCATCH_PACK.replace('kinds = ["threshold-changed"]', 'kinds = ["thresholds"]'),
            source="my-pack.toml",
        )


def test_unknown_packaged_pack_names_the_packaged_ones() -> None:
    """Loading a pack that is neither a file nor a packaged name lists the packaged packs."""
    with pytest.raises(ConcernPackError, match="un-cybercrime-2024"):
        td.concerns.load_concerns("no-such-pack")


LEAD_IN_ARTICLE = """Article 1
Use of systems

1. The use of such systems in publicly accessible spaces shall be prohibited.

Notwithstanding the first subparagraph, such use may be authorised for:

(a) the targeted search for victims of abduction;

(b) the prevention of an imminent threat to life.

This paragraph shall be reviewed after three years.

2. Each State Party shall report on such use to the following bodies:

(a) its parliament; and

(b) its data protection authority.

3. The authorisation shall be given by a judicial authority.

A judicial authority may refuse it.
"""


@pytest.mark.parametrize(
    ("eid", "lead_in"),
    [
        ("art_1__para_1__point_a", "such use may be authorised for:"),
        ("art_1__para_1__point_b", "such use may be authorised for:"),
        ("art_1__para_1__text_1", ""),
        ("art_1__para_1__text_4", ""),
        ("art_1__para_2__point_a", "to the following bodies:"),
        ("art_1__para_3", ""),
        ("art_1__para_3__text_1", ""),
    ],
)
def test_lead_in_is_a_colon_sentence_not_the_subparagraph_before(eid: str, lead_in: str) -> None:
    """A point reads on from the sentence that introduces it; a subparagraph after a full stop
    (an exception after a ban) is judged by its own words, not by the ban's."""
    article = td.loads(LEAD_IN_ARTICLE).article("1")
    assert [p.eid for p in article.iter_provisions()] == [  # the structure relied on
        "art_1__para_1",
        "art_1__para_1__text_1",
        "art_1__para_1__point_a",
        "art_1__para_1__point_b",
        "art_1__para_1__text_4",
        "art_1__para_2",
        "art_1__para_2__point_a",
        "art_1__para_2__point_b",
        "art_1__para_3",
        "art_1__para_3__text_1",
    ]
    found = _chapeau(article, eid)
    assert found.endswith(lead_in) if lead_in else found == ""

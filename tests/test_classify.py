"""The change classifier, kind by kind: a table of realistic sentence pairs for each kind.

Every kind has positive cases (the kind must be among those found) and negative cases (a
realistic change that must not get the kind). The sentences are written for these tests in the
style of UN conventions, Council of Europe treaties and EU regulations; none is a real treaty's
text. A case the classifier gets wrong is kept and marked ``xfail(strict=True)`` with what the
classifier does instead, so that the rule owner sees it and the mark goes when the rule is fixed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

import treatydiff
from treatydiff.classify import KINDS, ChangeContext, Finding, _bound, classify, vocabulary
from treatydiff.model import Article
from treatydiff.worddiff import diff_words

OFFENCE_HEADING = "Illegal access"
TERMS_HEADING = "Use of terms"


def findings(
    old: str,
    new: str,
    heading: str = OFFENCE_HEADING,
    new_draft: treatydiff.Draft | None = None,
) -> tuple[Finding, ...]:
    """The findings for one provision changed from *old* to *new* in an article *heading*."""
    article = Article(num="2" if heading == TERMS_HEADING else "7", eid="art_x", heading=heading)
    ctx = ChangeContext(
        old,
        new,
        diff_words(old, new),
        vocabulary(),
        old_article=article,
        new_article=article,
        new_draft=new_draft,
    )
    return classify(ctx)


def kinds(old: str, new: str, heading: str = OFFENCE_HEADING) -> set[str]:
    """The kinds of change found between *old* and *new*."""
    return {f.kind for f in findings(old, new, heading)}


def wrong(reason: str) -> pytest.MarkDecorator:
    """The mark for a case the classifier gets wrong today."""
    return pytest.mark.xfail(reason=reason, strict=True)


#: A freedom qualified by the law that applies: a weaker duty, and no safeguard of its own.
DEFERRED_TO_APPLICABLE_LAW = (
    "No provision of this Convention may be invoked to justify the suppression of freedom of "
    "expression, peaceful assembly or association.",
    "No provision of this Convention may be invoked to justify the suppression of freedom of "
    "expression, peaceful assembly or association, in accordance with applicable international "
    "human rights law.",
)

# -- obligation-weakened ------------------------------------------------------------------------

WEAKENED = [
    pytest.param(
        "Each State Party shall[, where appropriate,] notify the person whose data have been "
        "obtained under this chapter.",
        "Each State Party shall, where appropriate, notify the person whose data have been "
        "obtained under this chapter.",
        id="bracketed-qualifier-kept",
    ),
    pytest.param(*DEFERRED_TO_APPLICABLE_LAW, id="deferred-to-applicable-law"),
    pytest.param(
        "Each State Party shall adopt such legislative and other measures as may be necessary to "
        "establish its jurisdiction over the offences established in accordance with this "
        "Convention when the offence is committed against a national of that State Party.",
        "Each State Party may adopt such legislative and other measures as may be necessary to "
        "establish its jurisdiction over the offences established in accordance with this "
        "Convention when the offence is committed against a national of that State Party.",
        id="shall-to-may",
    ),
    pytest.param(
        "Each State Party shall enable its courts to order the confiscation of property "
        "obtained through the offences established in accordance with this Convention.",
        "Each State Party shall endeavour to enable its courts to order the confiscation "
        "of property obtained through the offences established in accordance with this "
        "Convention.",
        id="shall-to-shall-endeavour",
    ),
    pytest.param(
        "States Parties shall ensure that persons subject to the powers provided for in this "
        "chapter are informed of the measures taken once disclosure no longer jeopardizes the "
        "investigation.",
        "States Parties shall endeavour to ensure that persons subject to the powers provided "
        "for in this chapter are informed of the measures taken once disclosure no longer "
        "jeopardizes the investigation.",
        id="shall-ensure-to-shall-endeavour-to-ensure",
    ),
    pytest.param(
        "The competent authorities of each State Party shall take into account final "
        "convictions handed down in another State Party for the purpose of establishing "
        "recidivism.",
        "The competent authorities of each State Party should take into account final "
        "convictions handed down in another State Party for the purpose of establishing "
        "recidivism.",
        id="shall-to-should",
    ),
    pytest.param(
        "Each State Party shall take measures to protect witnesses and experts who "
        "testify about the offences established in accordance with this Convention "
        "against reprisals.",
        "Each State Party shall take measures, as appropriate, to protect witnesses and "
        "experts who testify about the offences established in accordance with this "
        "Convention against reprisals.",
        id="as-appropriate-inserted",
    ),
    pytest.param(
        "Each State Party shall allow its law enforcement authorities to use controlled "
        "delivery in investigations of the offences covered by this Convention.",
        "Each State Party shall, subject to its domestic law, allow its law enforcement "
        "authorities to use controlled delivery in investigations of the offences covered "
        "by this Convention.",
        id="subject-to-its-domestic-law-inserted",
    ),
    pytest.param(
        "States Parties shall provide one another with the broadest possible mutual legal "
        "assistance in the investigation and prosecution of the offences set forth in "
        "this Convention.",
        "States Parties shall, to the extent permitted by their domestic law, provide one "
        "another with the broadest possible mutual legal assistance in the investigation "
        "and prosecution of the offences set forth in this Convention.",
        id="to-the-extent-permitted-inserted",
    ),
    pytest.param(
        "Each State Party shall establish procedures to provide for the physical protection of "
        "victims of the offences established in accordance with this Convention.",
        "Each State Party shall, where appropriate, establish procedures to provide for the "
        "physical protection of victims of the offences established in accordance with this "
        "Convention.",
        id="where-appropriate-inserted",
    ),
    pytest.param(
        "Each State Party shall adopt measures allowing property to be confiscated "
        "without a conviction where the suspect has died or absconded.",
        "Each State Party shall consider adopting measures allowing property to be "
        "confiscated without a conviction where the suspect has died or absconded.",
        id="shall-to-shall-consider",
    ),
    pytest.param(
        "A State Party may establish as a criminal offence the possession of a device referred "
        "to in paragraph 1 of this article.",
        "A State Party may consider establishing as a criminal offence the possession of a "
        "device referred to in paragraph 1 of this article.",
        id="may-to-may-consider",
    ),
]

NOT_WEAKENED = [
    pytest.param(
        "Each State Party shall establish as a criminal offence the interception without right "
        "of non-public transmissions of digital data.",
        "Each State Party shall take such legislative or other measures as it deems necessary "
        "to establish as a criminal offence the interception without right of non-public "
        "transmissions of digital data.",
        id="duty-restated-in-other-words-for-legislating",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences under its domestic law the "
        "access to the whole or any part of a digital network without right.",
        "Each State Party shall adopt such legislative and other measures as may be necessary "
        "to establish as criminal offences under its domestic law the access to the whole or "
        "any part of a digital network without right.",
        id="duty-restated-as-duty-to-legislate",
    ),
    pytest.param(
        "States Parties shall, in accordance with their domestic law, ensure that the measures "
        "respect human rights.",
        "States Parties shall ensure that the measures respect human rights.",
        id="aside-qualifier-removed-keeps-the-modal",
    ),
    pytest.param(
        "The database shall contain the information listed in the annex.",
        "The database shall contain the information listed in the annex and comply with the "
        "applicable accessibility requirements.",
        id="applicable-requirements-are-a-duty",
    ),
    pytest.param(
        "A State Party may require, as an element of the offence, that security measures "
        "have been circumvented.",
        "A State Party shall require, as an element of the offence, that security "
        "measures have been circumvented.",
        id="may-to-shall",
    ),
    pytest.param(
        "Each State Party shall designate a point of contact, reachable at all hours "
        "every day of the week, to provide urgent assistance to investigators.",
        "Each State Party shall designate a point of contact, reachable at all hours "
        "every day of the week, to provide urgent assistance to prosecutors.",
        id="unrelated-noun-changed",
    ),
    pytest.param(
        "Each State Party shall, where appropriate, take measures to encourage cooperation "
        "between its national authorities and private sector entities.",
        "Each State Party shall take measures to encourage cooperation between its national "
        "authorities and private sector entities.",
        id="qualifier-deleted",
    ),
    pytest.param(
        "A request for mutual legal assistance shall not be refused merely because it "
        "relates to tax offences.",
        "A request for mutual legal assistance may not be refused merely because it "
        "relates to tax offences.",
        id="shall-not-to-may-not",
    ),
]


@pytest.mark.parametrize(("old", "new"), WEAKENED)
def test_obligation_weakened_found(old: str, new: str) -> None:
    """A weaker modal or a softening qualifier is an obligation weakened."""
    assert "obligation-weakened" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_WEAKENED)
def test_obligation_weakened_not_found(old: str, new: str) -> None:
    """A stronger, equal or untouched duty is no obligation weakened."""
    assert "obligation-weakened" not in kinds(old, new)


# -- obligation-strengthened --------------------------------------------------------------------

STRENGTHENED = [
    pytest.param(
        "Each Contracting State shall [endeavour to] ensure that data subjects can exercise "
        "their rights of access and rectification.",
        "Each Contracting State shall ensure that data subjects can exercise their rights of "
        "access and rectification.",
        id="bracketed-softener-dropped",
    ),
    pytest.param(
        "Each State Party [may][shall] establish as a criminal offence the intentional "
        "interception of non-public transmissions of digital data.",
        "Each State Party shall establish as a criminal offence the intentional "
        "interception of non-public transmissions of digital data.",
        id="binding-bracketed-alternative-chosen",
    ),
    pytest.param(
        "A State Party may require that the offender have circumvented security measures "
        "in order to obtain electronic data.",
        "A State Party shall require that the offender have circumvented security "
        "measures in order to obtain electronic data.",
        id="may-to-shall",
    ),
    pytest.param(
        "States Parties shall endeavour to work closely together, in line with their own "
        "legal systems, to make law enforcement against the offences covered by this "
        "Convention more effective.",
        "States Parties shall work closely together, in line with their own legal "
        "systems, to make law enforcement against the offences covered by this Convention "
        "more effective.",
        id="shall-endeavour-to-shall",
    ),
    pytest.param(
        "States Parties should afford one another assistance in identifying, tracing and "
        "freezing the proceeds of the offences established in accordance with this Convention.",
        "States Parties shall afford one another assistance in identifying, tracing and "
        "freezing the proceeds of the offences established in accordance with this Convention.",
        id="should-to-shall",
    ),
    pytest.param(
        "Each State Party shall, as appropriate, take measures to ensure that victims of the "
        "offences covered by this Convention have access to compensation and restitution.",
        "Each State Party shall take measures to ensure that victims of the offences covered by "
        "this Convention have access to compensation and restitution.",
        id="as-appropriate-deleted",
    ),
    pytest.param(
        "Each State Party shall, in accordance with its domestic law, protect persons who "
        "disclose information about offences under this Convention to the competent "
        "authorities from unjustified treatment.",
        "Each State Party shall protect persons who disclose information about offences "
        "under this Convention to the competent authorities from unjustified treatment.",
        id="in-accordance-with-domestic-law-deleted",
    ),
    pytest.param(
        "States Parties may consider transferring criminal proceedings to one another "
        "where this would serve the proper administration of justice.",
        "States Parties shall consider transferring criminal proceedings to one another "
        "where this would serve the proper administration of justice.",
        id="may-consider-to-shall-consider",
    ),
    pytest.param(
        "Member States shall endeavour to ensure that the competent authorities have sufficient "
        "resources to investigate the offences referred to in Articles 3 to 7.",
        "Member States shall ensure that the competent authorities have sufficient resources to "
        "investigate the offences referred to in Articles 3 to 7.",
        id="shall-endeavour-to-ensure-to-shall-ensure",
    ),
]

NOT_STRENGTHENED = [
    pytest.param(
        "Each State Party shall ensure that enough traffic data is disclosed promptly to the "
        "competent authority to identify the service providers.",
        "Each State Party shall adopt such legislative and other measures as may be necessary "
        "to ensure that enough traffic data is disclosed promptly to the competent authority "
        "to identify the service providers.",
        id="shall-ensure-restated-as-duty-to-legislate",
    ),
    pytest.param(
        "The Parties shall co-operate with each other as broadly as they can in "
        "investigations of offences committed by means of computer systems.",
        "The Parties may co-operate with each other as broadly as they can in "
        "investigations of offences committed by means of computer systems.",
        id="shall-to-may",
    ),
    pytest.param(
        "Each State Party shall ensure the availability of electronic evidence for the purpose "
        "of criminal proceedings.",
        "Each State Party shall ensure the availability of evidence in electronic form for the "
        "purpose of criminal proceedings.",
        id="unrelated-noun-changed",
    ),
    pytest.param(
        "Each State Party shall take measures to strengthen the capacity of its criminal justice "
        "system to prevent and combat the offences covered by this Convention.",
        "Each State Party shall take measures, where appropriate, to strengthen the capacity of "
        "its criminal justice system to prevent and combat the offences covered by this "
        "Convention.",
        id="qualifier-inserted",
    ),
    pytest.param(
        "Each State Party shall adopt such legislative and other measures as may be necessary to "
        "establish as a criminal offence the laundering of proceeds of crime.",
        "Each State Party undertakes to adopt such legislative and other measures as may be "
        "necessary to establish as a criminal offence the laundering of proceeds of crime.",
        id="shall-to-undertakes-to",
    ),
]


@pytest.mark.parametrize(("old", "new"), STRENGTHENED)
def test_obligation_strengthened_found(old: str, new: str) -> None:
    """A stronger modal or a softening qualifier removed is an obligation strengthened."""
    assert "obligation-strengthened" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_STRENGTHENED)
def test_obligation_strengthened_not_found(old: str, new: str) -> None:
    """A weaker, equal or untouched duty is no obligation strengthened."""
    assert "obligation-strengthened" not in kinds(old, new)


# -- scope-broadened ----------------------------------------------------------------------------

BROADENED = [
    pytest.param(
        "The Parties shall cooperate concerning the offences established in accordance with this "
        "Convention, and for the gathering of electronic evidence.",
        "The Parties shall cooperate concerning the offences established in accordance with this "
        "Convention and any other serious offence, and for the gathering of electronic evidence.",
        id="any-other-serious-offence-added",
    ),
    pytest.param(
        "The order shall be valid for a period not exceeding 90 days, which may be renewed once.",
        "The order shall be valid for a period not exceeding 90 days, which may be renewed.",
        id="renewal-limit-dropped",
    ),
    pytest.param(
        "Proceeds of the offences of fraud and forgery established in accordance with this "
        "Convention shall be liable to confiscation.",
        "Proceeds of the offences of fraud, forgery, extortion and money laundering established "
        "in accordance with this Convention shall be liable to confiscation.",
        id="two-items-added-to-a-run",
    ),
    pytest.param(
        "The use of emotion recognition systems in the workplace and education institutions "
        "shall be prohibited.",
        "The use of emotion recognition systems in the workplace, education institutions, law "
        "enforcement and border control shall be prohibited.",
        id="two-items-inserted-at-once",
    ),
    pytest.param(
        "'Subscriber information' means any information held by a service provider, such as "
        "the name, address, telephone number, [billing and payment details,] the type of "
        "service used and the period of service.",
        "'Subscriber information' means any information held by a service provider, such as "
        "the name, address, telephone number, billing and payment details, the type of "
        "service used and the period of service.",
        id="bracketed-list-item-kept",
    ),
    pytest.param(
        "The powers set out in this chapter shall be available to the competent "
        "authorities for the purpose of specific criminal investigations or proceedings.",
        "The powers set out in this chapter shall be available to the competent "
        "authorities for the purpose of criminal investigations or proceedings.",
        id="specific-deleted",
    ),
    pytest.param(
        "The powers set out in this chapter may be used in respect of the criminal "
        "offences established in accordance with this Convention.",
        "The powers set out in this chapter may be used in respect of any criminal "
        "offence committed by means of an information and communications technology "
        "system.",
        id="convention-offences-to-any-criminal-offence",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences the production, offering, "
        "distribution or transmission of child sexual abuse material through an information "
        "and communications technology system.",
        "Each State Party shall establish as criminal offences the production, offering, sale, "
        "distribution or transmission of child sexual abuse material through an information "
        "and communications technology system.",
        id="list-item-inserted",
    ),
    pytest.param(
        "The measures referred to in this article shall apply only to electronic data stored in "
        "the territory of the requested State Party.",
        "The measures referred to in this article shall apply to electronic data stored in the "
        "territory of the requested State Party.",
        id="only-deleted",
    ),
    pytest.param(
        "States Parties shall exchange information concerning serious crime committed through "
        "the use of information and communications technology systems.",
        "States Parties shall exchange information concerning any crime committed through the "
        "use of information and communications technology systems.",
        id="serious-crime-to-any-crime",
    ),
    pytest.param(
        "This Convention aims to improve the prevention and suppression of cybercrime.",
        "This Convention aims to improve the prevention and suppression of cybercrime and "
        "of other crimes committed by means of information and communications technology "
        "systems.",
        id="purpose-extended-to-other-crimes",
    ),
    pytest.param(
        "Mutual legal assistance may be requested in order to obtain witness statements.",
        "Mutual legal assistance may be requested for any purpose, including to obtain "
        "witness statements.",
        id="including-inserted",
    ),
]

NOT_BROADENED = [
    pytest.param(
        "Such offences include fraud, theft, extortion and forgery committed by means of a "
        "digital network.",
        "Such offences include theft, extortion, fraud and forgery committed by means of a "
        "digital network.",
        id="list-item-moved",
    ),
    pytest.param(
        "The provider shall preserve the data stored in its systems.",
        "The provider shall preserve the data, whether or not stored in its systems.",
        id="whether-or-not-is-no-list-item",
    ),
    pytest.param(
        "Proceeds of the offences of fraud and forgery established in accordance with this "
        "Convention shall be liable to confiscation.",
        "Proceeds of the offences of theft and forgery established in accordance with this "
        "Convention shall be liable to confiscation.",
        id="one-item-exchanged-for-another",
    ),
    pytest.param(
        "A State Party may declare that it will use the powers referred to in article 29 "
        "for the offences listed in its declaration.",
        "A State Party may declare that it will use the powers referred to in article 29 "
        "only for the offences listed in its declaration.",
        id="only-inserted",
    ),
    pytest.param(
        "Each State Party shall adopt such legislative and other measures as may be "
        "necessary to establish as criminal offences under its domestic law, when "
        "committed intentionally, the entry into an information and communications "
        "technology system by circumventing its security measures.",
        "Each State Party shall adopt such legislative and other measures as may be "
        "necessary to establish as criminal offences under its domestic law, when "
        "committed intentionally and with dishonest intent, the entry into an information "
        "and communications technology system by circumventing its security measures.",
        id="intent-element-added",
    ),
    pytest.param(
        "Each State Party shall adopt such measures as may be necessary to enable the "
        "confiscation of property used in the commission of offences covered by this "
        "Convention.",
        "Each State Party may adopt such measures as may be necessary to enable the confiscation "
        "of property used in the commission of offences covered by this Convention.",
        id="shall-to-may",
    ),
    pytest.param(
        "A person whose extradition is sought shall be brought promptly before a court of the "
        "requested State Party.",
        "A person whose extradition is sought shall be brought promptly before a judge of the "
        "requested State Party.",
        id="court-to-judge",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the obstruction of the operation of an information and "
        "communications technology system.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the obstruction of the operation of an "
        "information and communications technology system.",
        id="without-right-added",
    ),
    pytest.param(
        "Each State Party shall empower its competent authorities to order a service provider "
        "to submit subscriber information in its possession or control.",
        "Each State Party shall empower its competent authorities, subject to prior judicial "
        "authorisation, to order a service provider to submit subscriber information in its "
        "possession or control.",
        id="authorisation-clause-inserted",
    ),
]


@pytest.mark.parametrize(("old", "new"), BROADENED)
def test_scope_broadened_found(old: str, new: str) -> None:
    """Wider wording, a limit dropped or an item added to a list broadens the scope."""
    assert "scope-broadened" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_BROADENED)
def test_scope_broadened_not_found(old: str, new: str) -> None:
    """A limit added, a narrower element or an unrelated change does not broaden the scope."""
    assert "scope-broadened" not in kinds(old, new)


# -- scope-narrowed -----------------------------------------------------------------------------

NARROWED = [
    pytest.param(
        "Each Party may authorize the interception of content data in relation to criminal "
        "offences determined by its domestic law.",
        "Each Party may authorize the interception of content data in relation to a range of "
        "grave offences to be determined by its domestic law.",
        id="grave-offences-only",
    ),
    pytest.param(
        "A State Party may declare that it will use the powers referred to in article 29 "
        "for the offences listed in its declaration.",
        "A State Party may declare that it will use the powers referred to in article 29 "
        "only for the offences listed in its declaration.",
        id="only-inserted",
    ),
    pytest.param(
        "The powers set out in this chapter may be used in respect of any criminal "
        "offence committed by means of an information and communications technology "
        "system.",
        "The powers set out in this chapter may be used in respect of the criminal "
        "offences established in accordance with this Convention.",
        id="any-criminal-offence-to-convention-offences",
    ),
    pytest.param(
        "The powers set out in this chapter shall be available to the competent "
        "authorities for the purpose of criminal investigations or proceedings.",
        "The powers set out in this chapter shall be available to the competent "
        "authorities for the purpose of specific criminal investigations or proceedings.",
        id="specific-inserted",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences the production, offering, sale, "
        "distribution or transmission of child sexual abuse material through an information "
        "and communications technology system.",
        "Each State Party shall establish as criminal offences the production, offering, "
        "distribution or transmission of child sexual abuse material through an information "
        "and communications technology system.",
        id="list-item-deleted",
    ),
    pytest.param(
        "States Parties shall exchange information concerning crime committed through the use "
        "of information and communications technology systems.",
        "States Parties shall exchange information concerning serious crime committed through "
        "the use of information and communications technology systems.",
        id="serious-inserted",
    ),
    pytest.param(
        "The competent authorities may order the expedited preservation of digital data stored "
        "by a service provider.",
        "The competent authorities may order the expedited preservation of digital data stored "
        "solely by a service provider in its territory.",
        id="solely-inserted",
    ),
    pytest.param(
        "Each State Party shall consider establishing as criminal offences other conduct "
        "committed by means of an information and communications technology system, such as "
        "the dissemination of false information.",
        "Each State Party shall consider establishing as criminal offences other conduct "
        "committed by means of an information and communications technology system.",
        id="such-as-example-deleted",
    ),
]

NOT_NARROWED = [
    pytest.param(
        "The measures referred to in this article shall apply only to electronic data stored in "
        "the territory of the requested State Party.",
        "The measures referred to in this article shall apply to electronic data stored in the "
        "territory of the requested State Party.",
        id="only-deleted",
    ),
    pytest.param(
        "Each State Party shall empower its competent authorities to order that specified "
        "electronic data be preserved without delay.",
        "Each State Party shall empower its competent authorities to order, subject to "
        "judicial review, that specified electronic data be preserved without delay.",
        id="safeguard-added",
    ),
    pytest.param(
        "Each State Party shall name a central authority to recieve requests for mutual "
        "legal assistance.",
        "Each State Party shall name a central authority to receive requests for mutual "
        "legal assistance.",
        id="typo-fixed",
    ),
    pytest.param(
        "Each State Party shall take the necessary measures to prevent the misuse of "
        "information and communications technology systems.",
        "Each State Party shall take all necessary measures to prevent the misuse of "
        "information and communications technology systems.",
        id="all-necessary-measures",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the obstruction of the operation of an "
        "information and communications technology system.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the obstruction of the operation of an information and "
        "communications technology system.",
        id="without-right-deleted",
    ),
    pytest.param(
        "'Real-time remote biometric identification system' means a remote biometric "
        "identification system whereby the capturing of biometric data and the identification "
        "occur without a significant delay.",
        "'Real-time remote biometric identification system' means a remote biometric "
        "identification system whereby the capturing of biometric data and the identification "
        "occur without a significant delay, comprising not only instant identification but also "
        "limited short delays in order to avoid circumvention.",
        id="not-only-widens",
    ),
]


@pytest.mark.parametrize(("old", "new"), NARROWED)
def test_scope_narrowed_found(old: str, new: str) -> None:
    """A limit added, wider wording dropped or a list item deleted narrows the scope."""
    assert "scope-narrowed" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_NARROWED)
def test_scope_narrowed_not_found(old: str, new: str) -> None:
    """A limit dropped, a safeguard or an editorial fix does not narrow the scope."""
    assert "scope-narrowed" not in kinds(old, new)


# -- safeguard-added ----------------------------------------------------------------------------

SAFEGUARD_ADDED = [
    pytest.param(
        "Each Party shall implement this Agreement in good faith.",
        "Each Party shall implement this Agreement in good faith. No measure taken under this "
        "Agreement shall be used to suppress the freedoms of opinion and expression, of peaceful "
        "assembly or of association.",
        id="named-freedoms-protected",
    ),
    pytest.param(
        "Each Party shall ensure that personal data received are subject to oversight by an "
        "independent authority.",
        "Each Party shall ensure that personal data received are subject to oversight by an "
        "independent authority, and that the persons concerned may obtain their rectification "
        "or erasure.",
        id="rectification-and-erasure",
    ),
    pytest.param(
        "Personal data transferred under this Convention shall be processed for the purposes "
        "for which they were received.",
        "Personal data transferred under this Convention shall be processed solely for the "
        "purposes for which they were received.",
        id="purpose-limitation-inserted",
    ),
    pytest.param(
        "[A requested State Party may make the provision of assistance conditional on the "
        "existence of dual criminality.][Dual criminality shall not be required for the "
        "provision of assistance under this chapter.]",
        "[Dual criminality shall be a condition for the provision of assistance under this "
        "chapter.][A requested State Party may make the provision of assistance conditional "
        "on the existence of dual criminality.]",
        id="waiver-alternative-exchanged-for-condition",
    ),
    pytest.param(
        "Each State Party shall empower its competent authorities to require a service "
        "provider to capture traffic data as it is transmitted.",
        "Each State Party shall empower its competent authorities, subject to prior "
        "judicial authorization, to require a service provider to capture traffic data as "
        "it is transmitted.",
        id="prior-judicial-authorization",
    ),
    pytest.param(
        "These conditions shall include the grounds on which each power may be used and "
        "limits on its scope and duration.",
        "These conditions shall include independent review, the grounds on which each "
        "power may be used and limits on its scope and duration.",
        id="independent-review",
    ),
    pytest.param(
        "Each State Party shall ensure that any person whose data have been disclosed under "
        "this chapter is informed of the disclosure.",
        "Each State Party shall ensure that any person whose data have been disclosed under "
        "this chapter is informed of the disclosure and has access to an effective remedy.",
        id="effective-remedy",
    ),
    pytest.param(
        "Each State Party shall set out in its domestic law the conditions for using the "
        "powers provided for in this chapter.",
        "Each State Party shall set out in its domestic law the conditions for using the "
        "powers provided for in this chapter, and those conditions shall reflect the "
        "principle of proportionality.",
        id="proportionality",
    ),
    pytest.param(
        "Mutual legal assistance may be refused if the request does not conform to the "
        "provisions of this article.",
        "Mutual legal assistance may be refused if the request does not conform to the "
        "provisions of this article or if the request has been made for the purpose of "
        "prosecuting a person on account of that person's gender, ethnicity or political "
        "convictions.",
        id="discrimination-refusal-ground",
    ),
    pytest.param(
        "Each State Party shall carry out this Convention in conformity with its "
        "obligations under international law.",
        "Each State Party shall carry out this Convention in conformity with its "
        "obligations under international human rights law.",
        id="human-rights-law",
    ),
    pytest.param(
        "The receiving State Party may transfer the personal data to a third State or an "
        "international organization.",
        "The receiving State Party may transfer the personal data to a third State or an "
        "international organization with the prior written consent of the transferring State "
        "Party.",
        id="consent-before-onward-transfer",
    ),
]

NOT_SAFEGUARD_ADDED = [
    pytest.param(*DEFERRED_TO_APPLICABLE_LAW, id="law-named-only-as-a-qualifier"),
    pytest.param(
        "Mutual legal assistance under this chapter shall be subject to dual criminality.",
        "Dual criminality shall not be required for mutual legal assistance under this chapter.",
        id="safeguard-named-to-be-waived",
    ),
    pytest.param(
        "The interception of content data shall be subject to prior judicial authorization.",
        "The interception of content data shall be subject to prior judicial authorization. In "
        "urgent cases, interception may begin without prior judicial authorization.",
        id="safeguard-named-to-be-done-without",
    ),
    pytest.param(
        "Each State Party shall empower its competent authorities, subject to judicial "
        "review, to order that specified electronic data be preserved without delay.",
        "Each State Party shall empower its competent authorities to order that specified "
        "electronic data be preserved without delay.",
        id="review-deleted",
    ),
    pytest.param(
        "Nothing in this Convention shall be interpreted as authorizing States Parties to "
        "suppress human rights or fundamental freedoms, such as freedom of expression, "
        "freedom of religion and freedom of peaceful assembly.",
        "Nothing in this Convention shall be interpreted as authorizing States Parties to "
        "restrict human rights or fundamental freedoms, such as freedom of expression, "
        "freedom of religion and freedom of peaceful assembly.",
        id="suppression-to-restriction",
    ),
    pytest.param(
        "The Conference of the States Parties shall periodically consider the implementation of "
        "this Convention by the States Parties.",
        "The Conference of the States Parties shall periodically review the implementation of "
        "this Convention by the States Parties.",
        id="review-of-implementation-by-the-conference",
        marks=wrong(
            "'review' alone is a safeguard word, even for the Conference reviewing "
            "implementation: finds safeguard-added"
        ),
    ),
    pytest.param(
        "The depositary shall inform all States Parties of any reservation made under this "
        "article.",
        "The depositary shall notify all States Parties of any reservation made under this "
        "article.",
        id="depositary-notifies",
        marks=wrong(
            "'notify' alone is a safeguard word, even for the depositary notifying States: finds "
            "safeguard-added"
        ),
    ),
]


@pytest.mark.parametrize(("old", "new"), SAFEGUARD_ADDED)
def test_safeguard_added_found(old: str, new: str) -> None:
    """Review, authorisation, remedy, proportionality or a refusal ground added is a safeguard."""
    assert "safeguard-added" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_SAFEGUARD_ADDED)
def test_safeguard_added_not_found(old: str, new: str) -> None:
    """A safeguard deleted or reworded, or a procedural word, is no safeguard added."""
    assert "safeguard-added" not in kinds(old, new)


# -- safeguard-removed --------------------------------------------------------------------------

SAFEGUARD_REMOVED = [
    pytest.param(
        "The transfer of personal data shall be subject to the consent of the data subject.",
        "The consent of the data subject shall not be required for the transfer of personal data.",
        id="consent-waived-with-its-complement",
    ),
    pytest.param(
        "The powers shall be exercised subject to applicable conditions and safeguards under its "
        "domestic law.",
        "The powers shall be exercised by the competent authorities.",
        id="safeguards-named-before-a-deferred-law",
    ),
    pytest.param(
        "The request shall be subject to prior judicial authorization and need not be in writing.",
        "The request need not be in writing.",
        id="safeguard-beside-a-waiver-of-something-else",
    ),
    pytest.param(
        "Mutual legal assistance shall be subject to dual criminality.",
        "Dual criminality, in the case of non-coercive measures, shall not be required.",
        id="safeguard-waived-after-an-aside",
    ),
    pytest.param(
        "Mutual legal assistance under this chapter shall be subject to dual criminality.",
        "Dual criminality shall not be required for mutual legal assistance under this chapter.",
        id="safeguard-waived",
    ),
    pytest.param(
        "Each State Party shall empower its competent authorities, subject to judicial "
        "review, to order that specified electronic data be preserved without delay.",
        "Each State Party shall empower its competent authorities to order that specified "
        "electronic data be preserved without delay.",
        id="judicial-review",
    ),
    pytest.param(
        "Each State Party shall empower its competent authorities, subject to prior "
        "judicial authorisation, to intercept the content of particular communications "
        "made through an information and communications technology system.",
        "Each State Party shall empower its competent authorities to intercept the "
        "content of particular communications made through an information and "
        "communications technology system.",
        id="prior-judicial-authorisation",
    ),
    pytest.param(
        "States Parties shall apply this Convention in conformity with their obligations "
        "under international human rights law and with the principles of legality, "
        "necessity and proportionality.",
        "States Parties shall apply this Convention in conformity with their obligations "
        "under international law.",
        id="human-rights-article-shortened",
    ),
    pytest.param(
        "The competent authority shall notify the person concerned of the production order once "
        "notification no longer jeopardizes the investigation.",
        "The competent authority may keep the production order confidential for as long as the "
        "investigation requires.",
        id="user-notification",
    ),
    pytest.param(
        "The receiving State Party shall not transfer the data to a third State without the "
        "prior written consent of the transferring State Party.",
        "The receiving State Party may transfer the data to a third State, having informed the "
        "transferring State Party.",
        id="consent-before-onward-transfer",
    ),
    pytest.param(
        "Personal data received under this article shall be erased at the end of the retention "
        "period specified by the transferring State Party.",
        "Personal data received under this article may be kept for use in any other criminal "
        "investigation.",
        id="retention-limit",
    ),
    pytest.param(
        "Requests under this article shall be executed only where the conduct is a criminal "
        "offence under the laws of both States Parties, the requirement of dual criminality "
        "being deemed fulfilled irrespective of the denomination of the offence.",
        "Requests under this article shall be executed whether or not the conduct is a criminal "
        "offence under the laws of both States Parties.",
        id="dual-criminality",
    ),
]

NOT_SAFEGUARD_REMOVED = [
    pytest.param(
        "Each State Party shall empower its competent authorities to require a service "
        "provider to capture traffic data as it is transmitted.",
        "Each State Party shall empower its competent authorities, subject to prior "
        "judicial authorization, to require a service provider to capture traffic data as "
        "it is transmitted.",
        id="authorization-added",
    ),
    pytest.param(
        "Any person subjected to the powers referred to in this chapter shall have access to an "
        "effective remedy before a national authority.",
        "Any person subjected to the powers referred to in this chapter shall have access to an "
        "effective remedy before a national court.",
        id="authority-to-court",
    ),
    pytest.param(
        "The Conference of the States Parties shall review and, where necessary, amend its "
        "rules of procedure at its second session.",
        "The Conference of the States Parties shall adopt and, where necessary, amend its rules "
        "of procedure at its second session.",
        id="procedural-review-dropped",
        marks=wrong(
            "'review' alone is a safeguard word, even for rules of procedure: finds safeguard-"
            "removed"
        ),
    ),
]


@pytest.mark.parametrize(("old", "new"), SAFEGUARD_REMOVED)
def test_safeguard_removed_found(old: str, new: str) -> None:
    """Review, authorisation, notification, consent or a human-rights clause cut is removed."""
    assert "safeguard-removed" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_SAFEGUARD_REMOVED)
def test_safeguard_removed_not_found(old: str, new: str) -> None:
    """A safeguard added, a safeguard reworded or a procedural word is no safeguard removed."""
    assert "safeguard-removed" not in kinds(old, new)


# -- exception-added ----------------------------------------------------------------------------

EXCEPTION_ADDED = [
    pytest.param(
        "1. Each Party shall establish as a criminal offence the production or sale of a device "
        "designed for committing an offence.",
        "1. Each Party shall establish as a criminal offence the production or sale of a device "
        "designed for committing an offence. No criminal liability shall arise where the "
        "production or sale is for the authorized testing of a system.",
        id="no-criminal-liability-shall-arise",
    ),
    pytest.param(
        "Any person who has knowledge about the functioning of the system shall provide the "
        "information needed to carry out the search.",
        "Any person who has knowledge about the functioning of the system shall provide the "
        "information needed to carry out the search. Nothing in this paragraph shall require a "
        "person to incriminate himself or herself.",
        id="nothing-in-this-paragraph-shall-require",
    ),
    pytest.param(
        "Each State Party shall establish its jurisdiction over the offences established "
        "in accordance with this Convention when they are committed on board a ship "
        "registered under its laws.",
        "Each State Party shall establish its jurisdiction over the offences established "
        "in accordance with this Convention when they are committed on board a ship "
        "registered under its laws, unless the offence has already been prosecuted in "
        "another State.",
        id="unless",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the making or selling of "
        "software developed mainly to commit the offences established in accordance with "
        "articles 7 to 11.",
        "Each State Party shall establish as a criminal offence the making or selling of "
        "software developed mainly to commit the offences established in accordance with "
        "articles 7 to 11. This article shall not be interpreted as imposing criminal "
        "liability where the software is made for the authorized testing or protection of "
        "a system.",
        id="shall-not-be-interpreted",
    ),
    pytest.param(
        "The requested State Party shall return the confiscated property to the requesting "
        "State Party.",
        "Except where both States Parties agree otherwise, the requested State Party shall "
        "return the confiscated property to the requesting State Party.",
        id="except-where",
    ),
    pytest.param(
        "A State Party may require that the conduct result in serious harm.",
        "A State Party may require that the conduct result in serious harm, provided that the "
        "conduct remains punishable where it is directed against critical infrastructure.",
        id="provided-that",
    ),
    pytest.param(
        "Each State Party shall ensure that service providers preserve the specified data for a "
        "period of up to ninety days. Paragraph 1 shall not apply to data held by a service "
        "provider acting exclusively as a conduit.",
        "Each State Party shall ensure that service providers preserve the specified data for a "
        "period of up to ninety days. Paragraph 1 shall not apply to data held by a service "
        "provider acting exclusively as a conduit. Paragraph 1 shall not apply to data that are "
        "encrypted end to end.",
        id="second-shall-not-apply",
    ),
    pytest.param(
        "A State Party may refuse to provide the assistance requested where the request "
        "concerns an offence that it considers to be a political offence.",
        "Notwithstanding paragraph 2 of this article, a State Party may refuse to provide the "
        "assistance requested where the request concerns an offence that it considers to be a "
        "political offence.",
        id="notwithstanding",
    ),
    pytest.param(
        "No reservations may be made in respect of any provision of this Convention.",
        "No reservations may be made in respect of any provision of this Convention, with the "
        "exception of those expressly provided for in articles 12 and 14.",
        id="with-the-exception-of",
    ),
]

NOT_EXCEPTION_ADDED = [
    pytest.param(
        "Each State Party shall establish its jurisdiction over the offences established "
        "in accordance with this Convention when they are committed on board a ship "
        "registered under its laws, unless the offence has already been prosecuted in "
        "another State.",
        "Each State Party shall establish its jurisdiction over the offences established "
        "in accordance with this Convention when they are committed on board a ship "
        "registered under its laws.",
        id="unless-deleted",
    ),
    pytest.param(
        "The requested State Party shall reply within thirty days, unless the requesting State "
        "Party consents to a longer period.",
        "The requested State Party shall reply within sixty days, unless the requesting State "
        "Party consents to a longer period.",
        id="period-changed-beside-exception",
    ),
    pytest.param(
        "In urgent cases, the requesting State Party may make a request by expedited means of "
        "communication.",
        "In urgent or exceptional cases, the requesting State Party may make a request by "
        "expedited means of communication.",
        id="exceptional-cases",
    ),
    pytest.param(
        "A request for extradition based on an offence established in accordance with this "
        "Convention shall not be regarded as a request relating to a political offence.",
        "A request for extradition based on an offence established in accordance with this "
        "Convention shall not be considered as a request relating to a political offence.",
        id="regarded-to-considered",
    ),
]


@pytest.mark.parametrize(("old", "new"), EXCEPTION_ADDED)
def test_exception_added_found(old: str, new: str) -> None:
    """An "unless", "except", "provided that" or savings clause added is an exception added."""
    assert "exception-added" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_EXCEPTION_ADDED)
def test_exception_added_not_found(old: str, new: str) -> None:
    """An exception deleted or left alone, or a look-alike word, is no exception added."""
    assert "exception-added" not in kinds(old, new)


# -- exception-removed --------------------------------------------------------------------------

EXCEPTION_REMOVED = [
    pytest.param(
        "Each State Party shall establish its jurisdiction over the offences established "
        "in accordance with this Convention when they are committed on board a ship "
        "registered under its laws, unless the offence has already been prosecuted in "
        "another State.",
        "Each State Party shall establish its jurisdiction over the offences established "
        "in accordance with this Convention when they are committed on board a ship "
        "registered under its laws.",
        id="unless",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the possession of child sexual "
        "abuse material. This paragraph shall not apply to material produced and possessed by "
        "children with the agreement of the persons depicted and solely for their private use.",
        "Each State Party shall establish as a criminal offence the possession of child sexual "
        "abuse material.",
        id="shall-not-apply",
    ),
    pytest.param(
        "Nothing in this article shall be construed as requiring a State Party to establish as "
        "criminal offences the authorized testing of information and communications technology "
        "systems. Each State Party shall cooperate in the prevention of the offences "
        "established in accordance with articles 7 to 11.",
        "Each State Party shall cooperate in the prevention of the offences established in "
        "accordance with articles 7 to 11.",
        id="nothing-in-this-article-shall-be-construed",
    ),
    pytest.param(
        "Except as provided in paragraph 3 of this article, the requested State Party shall "
        "execute the request in accordance with its domestic law.",
        "The requested State Party shall execute the request in accordance with its domestic law.",
        id="except-as",
    ),
    pytest.param(
        "A Party may exempt from criminal liability the disclosure of information made in good "
        "faith to expose wrongdoing. Each Party shall ensure that such disclosures are "
        "recorded.",
        "Each Party shall ensure that such disclosures are recorded.",
        id="exempt",
    ),
    pytest.param(
        "Member States shall ensure that the offences referred to in Articles 3 to 5 are "
        "punishable as criminal offences, excluding conduct carried out in the course of "
        "legitimate journalistic activity.",
        "Member States shall ensure that the offences referred to in Articles 3 to 5 are "
        "punishable as criminal offences.",
        id="excluding",
    ),
]

NOT_EXCEPTION_REMOVED = [
    pytest.param(
        "The requested State Party shall return the confiscated property to the requesting "
        "State Party.",
        "Except where both States Parties agree otherwise, the requested State Party shall "
        "return the confiscated property to the requesting State Party.",
        id="exception-added",
    ),
    pytest.param(
        "Unless the requesting State Party agrees otherwise, the requested State Party shall "
        "bear the ordinary costs of executing a request.",
        "Unless the requesting State Party agrees otherwise, the requested State Party shall "
        "bear the ordinary costs of executing a request for mutual legal assistance.",
        id="unrelated-change-beside-exception",
    ),
    pytest.param(
        "The requested State Party shall keep the request confidential, unless its disclosure "
        "is necessary to execute it.",
        "The requested State Party shall keep the request confidential, except where its "
        "disclosure is necessary to execute it.",
        id="unless-to-except-where",
    ),
]


@pytest.mark.parametrize(("old", "new"), EXCEPTION_REMOVED)
def test_exception_removed_found(old: str, new: str) -> None:
    """An "unless", "except", "exempt" or savings clause deleted is an exception removed."""
    assert "exception-removed" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_EXCEPTION_REMOVED)
def test_exception_removed_not_found(old: str, new: str) -> None:
    """An exception added, kept or reworded is no exception removed."""
    assert "exception-removed" not in kinds(old, new)


# -- intent-added -------------------------------------------------------------------------------

INTENT_ADDED = [
    pytest.param(
        "Each State Party shall adopt such legislative and other measures as may be "
        "necessary to establish as criminal offences under its domestic law, when "
        "committed intentionally, the entry into an information and communications "
        "technology system by circumventing its security measures.",
        "Each State Party shall adopt such legislative and other measures as may be "
        "necessary to establish as criminal offences under its domestic law, when "
        "committed intentionally and with dishonest intent, the entry into an information "
        "and communications technology system by circumventing its security measures.",
        id="dishonest-intent",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the destruction or alteration of electronic data held in an "
        "information and communications technology system.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the destruction or alteration of electronic "
        "data held in an information and communications technology system.",
        id="without-right",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences under its domestic law the "
        "interception by technical means of private transmissions of electronic data.",
        "Each State Party shall establish as criminal offences under its domestic law, "
        "when committed intentionally, the interception by technical means of private "
        "transmissions of electronic data.",
        id="intentionally",
    ),
    pytest.param(
        "Each Party shall establish as a criminal offence the manipulation of computer "
        "data so as to create a false electronic document.",
        "Each Party shall establish as a criminal offence the manipulation of computer "
        "data so as to create a false electronic document, with the intent that the "
        "document be relied upon as genuine.",
        id="with-the-intent",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the solicitation of a child for "
        "the purpose of committing a sexual offence against that child.",
        "Each State Party shall establish as a criminal offence, when committed knowingly, the "
        "solicitation of a child for the purpose of committing a sexual offence against that "
        "child.",
        id="knowingly",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the use of an information "
        "and communications technology system to deprive another person of money or "
        "property.",
        "Each State Party shall establish as a criminal offence, when committed "
        "dishonestly, the use of an information and communications technology system to "
        "deprive another person of money or property.",
        id="dishonestly",
    ),
    pytest.param(
        "A State Party may require that the conduct be carried out with dishonest intent.",
        "A State Party shall require that the conduct be carried out with dishonest intent.",
        id="may-require-to-shall-require",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the possession of child sexual "
        "abuse material.",
        "Each State Party shall establish as a criminal offence the knowing possession of child "
        "sexual abuse material.",
        id="knowing-possession",
    ),
]

NOT_INTENT_ADDED = [
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the obstruction of the operation of an "
        "information and communications technology system.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the obstruction of the operation of an information and "
        "communications technology system.",
        id="without-right-deleted",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the interception of private transmissions of electronic data.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the interception of private transmissions of computer data.",
        id="object-changed-beside-intent",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the wilful destruction of "
        "electronic evidence relating to the offences established in accordance with this "
        "Convention.",
        "Each State Party shall establish as a criminal offence the destruction of electronic "
        "evidence relating to the offences established in accordance with this Convention.",
        id="wilful-deleted",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the act of wilfully obstructing "
        "the execution of a preservation order.",
        "Each State Party shall establish as a criminal offence the act of intentionally "
        "obstructing the execution of a preservation order.",
        id="wilfully-to-intentionally",
    ),
]


@pytest.mark.parametrize(("old", "new"), INTENT_ADDED)
def test_intent_added_found(old: str, new: str) -> None:
    """A mental element added to an offence ("intentionally", "without right") is intent added."""
    assert "intent-added" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_INTENT_ADDED)
def test_intent_added_not_found(old: str, new: str) -> None:
    """An element dropped, kept or merely reworded is no intent added."""
    assert "intent-added" not in kinds(old, new)


# -- intent-removed -----------------------------------------------------------------------------

INTENT_REMOVED = [
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the obstruction of the operation of an "
        "information and communications technology system.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the obstruction of the operation of an information and "
        "communications technology system.",
        id="without-right",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences under its domestic law, "
        "when committed intentionally, the interception by technical means of private "
        "transmissions of electronic data.",
        "Each State Party shall establish as criminal offences under its domestic law the "
        "interception by technical means of private transmissions of electronic data.",
        id="intentionally",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the unauthorised entry "
        "into an information and communications technology system, when committed with "
        "dishonest intent.",
        "Each State Party shall establish as a criminal offence the unauthorised entry "
        "into an information and communications technology system.",
        id="dishonest-intent",
    ),
    pytest.param(
        "A Party shall make it a criminal offence knowingly to view child sexual abuse "
        "material online.",
        "A Party shall make it a criminal offence to view child sexual abuse material online.",
        id="knowingly",
    ),
    pytest.param(
        "A State Party shall require that the offence be committed with intent to obtain "
        "electronic data.",
        "A State Party may require that the offence be committed with intent to obtain "
        "electronic data.",
        id="shall-require-to-may-require",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the act of unlawfully "
        "disclosing personal data obtained through an information and communications "
        "technology system.",
        "Each State Party shall establish as a criminal offence the act of disclosing personal "
        "data obtained through an information and communications technology system.",
        id="unlawfully",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the wilful destruction of "
        "electronic evidence relating to the offences established in accordance with this "
        "Convention.",
        "Each State Party shall establish as a criminal offence the destruction of electronic "
        "evidence relating to the offences established in accordance with this Convention.",
        id="wilful",
    ),
]

NOT_INTENT_REMOVED = [
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally, the destruction or alteration of electronic data held in an "
        "information and communications technology system.",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the destruction or alteration of electronic "
        "data held in an information and communications technology system.",
        id="without-right-added",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed intentionally "
        "and without right, the input of electronic data resulting in inauthentic data.",
        "Each State Party shall establish as a criminal offence, when committed intentionally "
        "and without right, the input or alteration of electronic data resulting in "
        "inauthentic data.",
        id="conduct-added-beside-intent",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence the act of willfully "
        "obstructing the execution of a preservation order.",
        "Each State Party shall establish as a criminal offence the act of wilfully obstructing "
        "the execution of a preservation order.",
        id="willfully-respelt-wilfully",
    ),
]


@pytest.mark.parametrize(("old", "new"), INTENT_REMOVED)
def test_intent_removed_found(old: str, new: str) -> None:
    """A mental element dropped from an offence, or made optional, is intent removed."""
    assert "intent-removed" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_INTENT_REMOVED)
def test_intent_removed_not_found(old: str, new: str) -> None:
    """An element added, kept or respelt is no intent removed."""
    assert "intent-removed" not in kinds(old, new)


# -- threshold-changed --------------------------------------------------------------------------

THRESHOLD = [
    pytest.param(
        "The provider shall keep the data intact for as long as necessary, but not longer than "
        "[90][180] days.",
        "The provider shall keep the data intact for as long as necessary, but not longer than "
        "90 days.",
        id="shorter-bracketed-period-chosen",
    ),
    pytest.param(
        "The provider shall keep the data intact for as long as necessary, but not longer than "
        "90 days.",
        "The provider shall keep the data intact for as long as necessary, but not longer than "
        "[90][180] days.",
        id="longer-period-tabled-as-alternative",
    ),
    pytest.param(
        "Requests under this article may concern only offences for which the law of both States "
        "Parties provides a maximum penalty of imprisonment of at least four years.",
        "Requests under this article may concern only offences for which the law of both States "
        "Parties provides a maximum penalty of imprisonment of at least two years.",
        id="four-years-to-two-years",
    ),
    pytest.param(
        "The requested State Party shall preserve the specified data for a period of not less "
        "than ninety days.",
        "The requested State Party shall preserve the specified data for a period of not less "
        "than sixty days.",
        id="ninety-days-to-sixty-days",
    ),
    pytest.param(
        "The requested State Party shall inform the requesting State Party of its decision "
        "within 30 days of receipt of the request.",
        "The requested State Party shall inform the requesting State Party of its decision "
        "within 60 days of receipt of the request.",
        id="30-days-to-60-days",
    ),
    pytest.param(
        "The point of contact shall acknowledge receipt of an urgent request within "
        "twenty-four hours.",
        "The point of contact shall acknowledge receipt of an urgent request within forty-eight "
        "hours.",
        id="twenty-four-hours-to-forty-eight-hours",
    ),
    pytest.param(
        "No State Party shall be assessed a contribution exceeding 22 per cent of the budget of "
        "the secretariat.",
        "No State Party shall be assessed a contribution exceeding 25 per cent of the budget of "
        "the secretariat.",
        id="22-per-cent-to-25-per-cent",
    ),
    pytest.param(
        "A State Party may extend the preservation of the data for a further period of six months.",
        "A State Party may extend the preservation of the data for a further period of one year.",
        id="six-months-to-one-year",
    ),
    pytest.param(
        "The requesting State Party shall submit the request for extradition within ninety days "
        "of the provisional arrest.",
        "The requesting State Party shall submit the request for extradition within one hundred "
        "and eighty days of the provisional arrest.",
        id="ninety-days-to-one-hundred-and-eighty-days",
    ),
    pytest.param(
        "This Convention shall take effect ninety days after the deposit of the fortieth "
        "instrument of ratification or accession.",
        "This Convention shall take effect ninety days after the deposit of the thirtieth "
        "instrument of ratification or accession.",
        id="fortieth-to-thirtieth-instrument",
    ),
]

NOT_THRESHOLD = [
    pytest.param(
        "The Party [shall][may] preserve the data [for up to 90 days].",
        "The Party [shall][may] preserve the data [for up to 90 days] without delay.",
        id="text-outside-alternatives-changed",
    ),
    pytest.param(
        "Requests under this article may concern only offences punishable by a maximum penalty "
        "of imprisonment of at least four years.",
        "Requests under this article may concern only offences punishable by a maximum penalty "
        "of imprisonment of at least 4 years.",
        id="four-years-to-4-years",
    ),
    pytest.param(
        "The measures referred to in article 24 shall apply to the powers established under "
        "this chapter.",
        "The measures referred to in article 26 shall apply to the powers established under "
        "this chapter.",
        id="cross-reference-number",
    ),
    pytest.param(
        "The competent authority shall transmit the request to the requested State Party within "
        "thirty days.",
        "The central authority shall transmit the request to the requested State Party within "
        "thirty days.",
        id="unchanged-period-beside-other-change",
    ),
    pytest.param(
        "Each State Party shall designate a point of contact available 24 hours a day, 7 days a "
        "week.",
        "Each State Party shall designate a point of contact available 24 hours a day, seven "
        "days a week.",
        id="7-days-to-seven-days",
    ),
]


@pytest.mark.parametrize(("old", "new"), THRESHOLD)
def test_threshold_changed_found(old: str, new: str) -> None:
    """A penalty, period, percentage or count that changes is a threshold changed."""
    assert "threshold-changed" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_THRESHOLD)
def test_threshold_changed_not_found(old: str, new: str) -> None:
    """The same quantity respelt, a reference number or an untouched period is no threshold."""
    assert "threshold-changed" not in kinds(old, new)


# -- definition-changed -------------------------------------------------------------------------

DEFINITION = [
    pytest.param(
        '"Traffic data" means electronic data generated by a communication made through '
        "an information and communications technology system that show its origin, "
        "destination, time and duration.",
        '"Traffic data" means electronic data generated by a communication made through '
        "an information and communications technology system that show its origin, "
        "destination, time and duration, or the kind of service used.",
        TERMS_HEADING,
        id="traffic-data-extended",
    ),
    pytest.param(
        "“Service provider” means a natural or legal person offering the public a means "
        "of communicating through an information and communications technology system.",
        "“Service provider” means a natural or legal person offering the public a means "
        "of communicating through an information and communications technology system, or "
        "storing electronic data for such a person.",
        TERMS_HEADING,
        id="service-provider-typographic-quotes",
    ),
    pytest.param(
        '"Child" means any person under the age of eighteen years.',
        '"Child" means any person under the age of sixteen years.',
        TERMS_HEADING,
        id="child-age-lowered",
    ),
    pytest.param(
        "",
        '"Emergency" means circumstances in which the life or physical safety of a person '
        "is under immediate threat.",
        TERMS_HEADING,
        id="definition-added",
    ),
    pytest.param(
        '"Content data" means any electronic data, other than subscriber information or '
        "traffic data, relating to the substance of a communication.",
        "",
        TERMS_HEADING,
        id="definition-deleted",
    ),
    pytest.param(
        "‘personal data’ means information about a natural person whose identity is known.",
        "‘personal data’ means information about a natural person whose identity is known "
        "or can be determined.",
        "Definitions",
        id="eu-style-definitions-heading",
    ),
    pytest.param(
        'For the purposes of this Convention, "serious crime" means conduct constituting an '
        "offence punishable by a maximum penalty of imprisonment of at least four years.",
        'For the purposes of this Convention, "serious crime" means conduct constituting an '
        "offence punishable by a maximum penalty of imprisonment of at least three years.",
        TERMS_HEADING,
        id="term-after-introductory-words",
    ),
]

NOT_DEFINITION = [
    pytest.param(
        "A State Party may require, as an element of the offence, that security measures "
        "have been circumvented.",
        "A State Party shall require, as an element of the offence, that security "
        "measures have been circumvented.",
        OFFENCE_HEADING,
        id="offence-article",
    ),
    pytest.param(
        "For the purposes of this Convention:",
        "For the purposes of this Convention and the Protocols thereto:",
        TERMS_HEADING,
        id="chapeau-of-use-of-terms",
    ),
    pytest.param(
        '"Traffic data" means any electronic data relating to a communication by means of an '
        "information and communications technology system.",
        "“Traffic data” means any electronic data relating to a communication by means of an "
        "information and communications technology system.",
        TERMS_HEADING,
        id="quote-style-only",
    ),
    pytest.param(
        '"Subscriber information" means any information held by a service provider relating '
        "to subscribers of its services.",
        '"Subscriber information" means any information held by a service provider relating '
        "to subscribers to its services.",
        "Expedited preservation of stored electronic data",
        id="definition-like-text-outside-use-of-terms",
    ),
]


@pytest.mark.parametrize(("old", "new", "heading"), DEFINITION)
def test_definition_changed_found(old: str, new: str, heading: str) -> None:
    """A definition changed, added or deleted in a use-of-terms article is a definition change."""
    assert "definition-changed" in kinds(old, new, heading)


@pytest.mark.parametrize(("old", "new", "heading"), NOT_DEFINITION)
def test_definition_changed_not_found(old: str, new: str, heading: str) -> None:
    """Text outside a definition, or a cosmetic change, is no definition change."""
    assert "definition-changed" not in kinds(old, new, heading)


#: (old, new, the lead-in of a listed item, the kind expected or None for no change of reach)
REACH = [
    pytest.param(
        '"Serious crime" means conduct constituting an offence punishable by a maximum '
        "deprivation of liberty of at least four years or a more serious penalty.",
        '"Serious crime" means conduct constituting an offence punishable by a maximum '
        "deprivation of liberty of at least two years or a more serious penalty.",
        "",
        "scope-broadened",
        id="serious-crime-threshold-lowered",
    ),
    pytest.param(
        '"Child" means any person under the age of eighteen years.',
        '"Child" means any person under the age of sixteen years.',
        "",
        "scope-narrowed",
        id="age-limit-lowered",
    ),
    pytest.param(
        "(ii) Any other body that handles or stores digital data for such a communication "
        "service or for its users;",
        "",
        "“Service provider” means:",
        "scope-narrowed",
        id="item-dropped-from-a-listed-definition",
    ),
    pytest.param(
        "",
        "(iii) Any provider of a digital network offered to the public;",
        "“Service provider” means:",
        "scope-broadened",
        id="item-added-to-a-listed-definition",
    ),
    pytest.param(
        "",
        "(c) Is held by a public authority;",
        '"Protected data" means digital data that meets the following conditions:',
        None,
        id="condition-added-to-a-cumulative-definition",
    ),
    pytest.param(
        "",
        "(c) A library open to the public;",
        '"Service provider" does not include:',
        None,
        id="exclusion-added-to-a-definition",
    ),
    pytest.param(
        '"Child" means a person who has not attained the age of eighteen years.',
        '"Child" means a person who has not attained the age of sixteen years.',
        "",
        None,
        id="age-without-a-bound-word",
    ),
    pytest.param(
        '"Subscriber information" means information by which the identity, postal address or '
        "telephone number of the subscriber can be established.",
        '"Subscriber information" means information by which the identity, postal address, '
        "telephone number or the network address assigned to the subscriber can be established.",
        "",
        "scope-broadened",
        id="alternative-added-to-a-definition",
    ),
    pytest.param(
        '"Service provider" means any entity that offers communication services, or that stores '
        "data on behalf of such an entity.",
        '"Service provider" means any entity that offers communication services.',
        "",
        "scope-narrowed",
        id="alternative-dropped-from-a-definition",
    ),
    pytest.param(
        '"Service provider" means any entity that offers communication services[, or that '
        "stores data on behalf of such an entity].",
        '"Service provider" means any entity that offers communication services, or that stores '
        "data on behalf of such an entity.",
        "",
        "scope-broadened",
        id="alternative-kept-from-brackets",
    ),
    pytest.param(
        '"Child" means any person under eighteen years of age.',
        '"Child" means any person under eighteen years of age, or where national law so '
        "provides, under sixteen years of age.",
        "",
        None,
        id="condition-after-or-is-no-alternative",
    ),
]


@pytest.mark.parametrize(
    ("before", "bound"),
    [
        ("retained for not less than", "minimum"),
        ("punishable by at least", "minimum"),
        ("for a period not exceeding", "maximum"),
        ("any person under the age of", "maximum"),
        ("within", "maximum"),
        ("a person who has not attained the age of", ""),
        ("kept for ninety days or more, and answered within", "maximum"),
        ("preserved for", "maximum"),
    ],
)
def test_a_threshold_is_bounded_by_the_words_around_it(before: str, bound: str) -> None:
    """The words right before a quantity (or after it) say whether it is an upper or a lower
    bound; the quantity is the one at its place, not an earlier one of the same words."""
    text = f"Data shall be {before} ninety days."
    at = text.rindex("ninety days")
    assert _bound(text, (at, at + len("ninety days")), vocabulary()) == bound


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("persons aged 18 years or under", "maximum"),
        ("offences punishable by four years or more", "minimum"),
    ],
)
def test_a_bound_may_follow_the_quantity(text: str, bound: str) -> None:
    """'Or more', 'or under' after the quantity bound it too."""
    match = vocabulary().threshold.search(text)
    assert match is not None
    assert _bound(text, match.span(), vocabulary()) == bound


@pytest.mark.parametrize(("old", "new", "parent", "expected"), REACH)
def test_a_definition_moves_the_reach_of_its_term(
    old: str, new: str, parent: str, expected: str | None
) -> None:
    """A threshold, or an item of the list a term is defined by, decides what the term covers."""
    article = Article(num="2", eid="art_2", heading=TERMS_HEADING)
    ctx = ChangeContext(
        old, new, diff_words(old, new), vocabulary(), article, article, parent=parent
    )
    found = {f.kind for f in classify(ctx)}
    assert "definition-changed" in found
    reach = found & {"scope-broadened", "scope-narrowed"}
    assert reach == ({expected} if expected else set())


def test_a_threshold_outside_a_definition_moves_no_term() -> None:
    """Outside a use-of-terms article a threshold is only a threshold."""
    found = kinds(
        "The competent authority may order the preservation of data for up to 90 days.",
        "The competent authority may order the preservation of data for up to 180 days.",
    )
    assert "threshold-changed" in found
    assert not found & {"scope-broadened", "scope-narrowed", "definition-changed"}


USING_DRAFT = """\
Article 2
Use of terms

For the purposes of this Convention:
(a) "Traffic data" means any electronic data relating to a communication, indicating its origin.

Article 23
Expedited preservation of stored electronic data

Each State Party shall empower its competent authorities to order the preservation of traffic data.

Article 28
Real-time collection of traffic data

Each State Party shall empower its competent authorities to collect traffic data in real time.

Article 29
Interception of content data

Each State Party shall empower its competent authorities to intercept content data.
"""


def test_definition_changed_names_the_articles_using_the_term() -> None:
    """The definition finding names the term and the other articles that use it."""
    draft = treatydiff.loads(USING_DRAFT)
    old = '"Traffic data" means any electronic data relating to a communication.'
    new = (
        '"Traffic data" means any electronic data relating to a communication, '
        "indicating its origin."
    )
    found = [f for f in findings(old, new, TERMS_HEADING, draft) if f.kind == "definition-changed"]
    assert len(found) == 1
    assert found[0].evidence == ("Traffic data",)
    assert "used in articles 23, 28" in found[0].detail
    assert "29" not in found[0].detail


# -- provision-added ----------------------------------------------------------------------------

ADDED_PROVISIONS = [
    pytest.param(
        "Each State Party shall ensure that the use of the powers provided for in this "
        "chapter is subject to review by a court or another independent body.",
        id="un-safeguard-paragraph",
    ),
    pytest.param(
        "Nothing in this Convention shall be interpreted as authorizing States Parties to "
        "suppress human rights or fundamental freedoms.",
        id="un-savings-clause",
    ),
    pytest.param(
        "Each Party shall provide for the liability of companies and other legal persons "
        "for the offences established under this Convention when committed for their "
        "benefit.",
        id="coe-corporate-liability",
    ),
    pytest.param(
        "Member States shall ensure that the competent authorities inform the person concerned "
        "without undue delay of the transfer of his or her personal data.",
        id="eu-information-duty",
    ),
    pytest.param(
        "States Parties shall endeavour to mainstream a gender perspective in the technical "
        "assistance provided under this chapter.",
        id="gender-mainstreaming",
    ),
    pytest.param(
        "(a) offences established in accordance with articles 7 to 11 of this Convention;",
        id="list-point",
    ),
]
PROVISION_ADDED = [pytest.param("", p.values[0], id=p.id) for p in ADDED_PROVISIONS]

NOT_PROVISION_ADDED = [
    pytest.param(
        "Each State Party shall designate a central authority for mutual legal assistance.",
        "Each State Party shall designate a central authority for mutual legal assistance. The "
        "Secretary-General shall be notified of the authority designated.",
        id="sentence-appended",
    ),
    pytest.param(
        "Each State Party may establish as a criminal offence the dissemination of false "
        "information through an information and communications technology system.",
        "",
        id="provision-deleted",
    ),
    pytest.param(
        "States Parties shall cooperate in the prevention of the offences covered by this "
        "Convention.",
        "States Parties shall exchange information on emerging trends in the offences covered "
        "by this Convention and on the methods used to commit them.",
        id="provision-rewritten",
    ),
]


@pytest.mark.parametrize(("old", "new"), PROVISION_ADDED)
def test_provision_added_found(old: str, new: str) -> None:
    """Text where there was none is a provision added."""
    assert "provision-added" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_PROVISION_ADDED)
def test_provision_added_not_found(old: str, new: str) -> None:
    """Text extended, deleted or rewritten is no provision added."""
    assert "provision-added" not in kinds(old, new)


# -- provision-deleted --------------------------------------------------------------------------

DELETED_PROVISIONS = [
    pytest.param(
        "Each State Party may establish as a criminal offence the dissemination of false "
        "information through an information and communications technology system.",
        id="content-offence",
    ),
    pytest.param(
        "States Parties shall ensure that the powers provided for in this chapter are "
        "used with due regard for human rights.",
        id="human-rights-safeguard",
    ),
    pytest.param(
        "The Parties shall help one another to collect, as it is generated, traffic data "
        "relating to particular communications in their territory.",
        id="coe-real-time-collection",
    ),
    pytest.param(
        "Member States shall ensure that personal data received under this Regulation are "
        "erased once they are no longer necessary for the purpose for which they were "
        "transmitted.",
        id="eu-retention-limit",
    ),
    pytest.param(
        "[Each State Party may adopt such measures as may be necessary to establish as an "
        "offence the incitement to subversive activities.]",
        id="bracketed-proposal",
    ),
    pytest.param("(c) interference with critical information infrastructure;", id="list-point"),
]
PROVISION_DELETED = [pytest.param(p.values[0], "", id=p.id) for p in DELETED_PROVISIONS]

NOT_PROVISION_DELETED = [
    pytest.param(
        "",
        "Each State Party may establish as a criminal offence the dissemination of false "
        "information through an information and communications technology system.",
        id="provision-added",
    ),
    pytest.param(
        "Each State Party shall designate a central authority for mutual legal assistance. The "
        "Secretary-General shall be notified of the authority designated.",
        "Each State Party shall designate a central authority for mutual legal assistance.",
        id="sentence-dropped",
    ),
    pytest.param(
        "States Parties shall exchange information on emerging trends in the offences covered "
        "by this Convention and on the methods used to commit them.",
        "States Parties shall cooperate in the prevention of the offences covered by this "
        "Convention.",
        id="provision-rewritten",
    ),
]


@pytest.mark.parametrize(("old", "new"), PROVISION_DELETED)
def test_provision_deleted_found(old: str, new: str) -> None:
    """Text that disappears altogether is a provision deleted."""
    assert "provision-deleted" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_PROVISION_DELETED)
def test_provision_deleted_not_found(old: str, new: str) -> None:
    """Text added, shortened or rewritten is no provision deleted."""
    assert "provision-deleted" not in kinds(old, new)


# -- brackets-resolved --------------------------------------------------------------------------

BRACKETS_RESOLVED = [
    pytest.param(
        "Data shall be preserved for a period of [90 days][180 days][one year].",
        "Data shall be preserved for a period of [90 days][one year][two years].",
        id="alternative-withdrawn-another-tabled",
    ),
    pytest.param(
        "States Parties shall cooperate in the prevention of [serious] crime committed by means "
        "of information and communications technology systems.",
        "States Parties shall cooperate in the prevention of serious crime committed by means "
        "of information and communications technology systems.",
        id="bracketed-word-kept",
    ),
    pytest.param(
        "States Parties shall cooperate in the prevention of [serious] crime committed by means "
        "of information and communications technology systems.",
        "States Parties shall cooperate in the prevention of crime committed by means of "
        "information and communications technology systems.",
        id="bracketed-word-dropped",
    ),
    pytest.param(
        "Each State Party [shall][may] adopt such legislative and other measures as may be "
        "necessary to establish as a criminal offence the misuse of devices.",
        "Each State Party may adopt such legislative and other measures as may be necessary to "
        "establish as a criminal offence the misuse of devices.",
        id="alternative-chosen",
    ),
    pytest.param(
        "Nothing in this Convention shall be interpreted as authorizing States Parties to "
        "suppress human rights or fundamental freedoms[, such as freedom of expression, "
        "freedom of religion and freedom of peaceful assembly].",
        "Nothing in this Convention shall be interpreted as authorizing States Parties to "
        "suppress human rights or fundamental freedoms, such as freedom of expression, "
        "freedom of religion and freedom of peaceful assembly.",
        id="bracketed-clause-kept",
    ),
    pytest.param(
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally [and without right], the interception of private transmissions of "
        "electronic data [with dishonest intent].",
        "Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the interception of private transmissions of "
        "electronic data [with dishonest intent].",
        id="one-of-two-resolved",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences the acts set forth in this "
        "article [, when committed by means of an information and communications technology "
        "system].",
        "Each State Party shall establish as criminal offences the acts set forth in this article.",
        id="bracketed-clause-dropped",
    ),
]

NOT_BRACKETS_RESOLVED = [
    pytest.param(
        "States Parties shall cooperate in the prevention of serious crime committed by means "
        "of information and communications technology systems.",
        "States Parties shall cooperate in the prevention of [serious] crime committed by means "
        "of information and communications technology systems.",
        id="brackets-opened",
    ),
    pytest.param(
        "States Parties shall cooperate in the prevention of [serious] crime committed by means "
        "of information and communications technology systems.",
        "States Parties shall cooperate in the prevention of [grave] crime committed by means "
        "of information and communications technology systems.",
        id="bracketed-text-reworded",
    ),
    pytest.param(
        "Each State Party shall adopt measures to prevent [serious] crime committed by means of "
        "information and communications technology systems.",
        "Each State Party may adopt measures to prevent [serious] crime committed by means of "
        "information and communications technology systems.",
        id="change-beside-open-brackets",
    ),
]


@pytest.mark.parametrize(("old", "new"), BRACKETS_RESOLVED)
def test_brackets_resolved_found(old: str, new: str) -> None:
    """Square brackets that go, their text kept or dropped, are brackets resolved."""
    assert "brackets-resolved" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_BRACKETS_RESOLVED)
def test_brackets_resolved_not_found(old: str, new: str) -> None:
    """Brackets opened, reworded or left alone are not resolved."""
    assert "brackets-resolved" not in kinds(old, new)


# -- cross-reference-only -----------------------------------------------------------------------

CROSS_REFERENCE = [
    pytest.param(
        "Each State Party shall ensure that the powers referred to in this article are subject "
        "to the conditions and safeguards provided for in article 24.",
        "Each State Party shall ensure that the powers referred to in this article are subject "
        "to the conditions and safeguards provided for in article 26.",
        id="article-24-to-26",
    ),
    pytest.param(
        "Each State Party shall establish its jurisdiction over the offences established in "
        "accordance with articles 7 to 11 of this Convention.",
        "Each State Party shall establish its jurisdiction over the offences established in "
        "accordance with articles 8 to 12 of this Convention.",
        id="range-shifted",
    ),
    pytest.param(
        "Without prejudice to article 15, paragraph 2, the requested State Party shall execute "
        "the request promptly.",
        "Without prejudice to article 17, paragraph 2, the requested State Party shall execute "
        "the request promptly.",
        id="article-with-paragraph",
    ),
    pytest.param(
        "The information referred to in paragraph 3 of this article shall be transmitted "
        "through the central authority.",
        "The information referred to in paragraph 4 of this article shall be transmitted "
        "through the central authority.",
        id="paragraph-number",
    ),
    pytest.param(
        "The provisions of article 6 bis shall apply mutatis mutandis to the offences "
        "established in accordance with this article.",
        "The provisions of article 7 shall apply mutatis mutandis to the offences established "
        "in accordance with this article.",
        id="article-bis-to-plain",
    ),
    pytest.param(
        "Paragraph 1 of this article shall not prejudice the application of article 5(2) of "
        "this Convention.",
        "Paragraph 1 of this article shall not prejudice the application of article 6(2) of "
        "this Convention.",
        id="article-with-paragraph-in-parentheses",
    ),
]

NOT_CROSS_REFERENCE = [
    pytest.param(
        "The requested State Party shall inform the requesting State Party of its decision "
        "within 30 days.",
        "The requested State Party shall inform the requesting State Party of its decision "
        "within 60 days.",
        id="period-changed",
    ),
    pytest.param(
        "Each State Party shall ensure that the powers referred to in this article are subject "
        "to the conditions and safeguards provided for in article 24.",
        "Each State Party shall ensure that the powers referred to in this article are subject "
        "to the conditions and safeguards provided for in chapter IV.",
        id="article-to-chapter",
    ),
    pytest.param(
        "The Conference of the States Parties shall establish an expert group composed of 10 "
        "experts nominated by the regional groups.",
        "The Conference of the States Parties shall establish an expert group composed of 15 "
        "experts nominated by the regional groups.",
        id="non-reference-number",
    ),
]


@pytest.mark.parametrize(("old", "new"), CROSS_REFERENCE)
def test_cross_reference_only_found(old: str, new: str) -> None:
    """Only the number inside a reference changes: a cross-reference change."""
    assert "cross-reference-only" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_CROSS_REFERENCE)
def test_cross_reference_only_not_found(old: str, new: str) -> None:
    """A period, a different kind of reference or a bare count is no cross-reference change."""
    assert "cross-reference-only" not in kinds(old, new)


# -- editorial ----------------------------------------------------------------------------------

EDITORIAL = [
    pytest.param(
        "Each State Party shall name a central authority to recieve requests for mutual "
        "legal assistance.",
        "Each State Party shall name a central authority to receive requests for mutual "
        "legal assistance.",
        id="typo-fixed",
    ),
    pytest.param(
        "Each State Party shall establish as criminal offences under its domestic law "
        "when committed intentionally the interception of private transmissions of "
        "electronic data.",
        "Each State Party shall establish as criminal offences under its domestic law, "
        "when committed intentionally, the interception of private transmissions of "
        "electronic data.",
        id="commas-added",
    ),
    pytest.param(
        "The competent authorities of each state party shall cooperate with one another in the "
        "collection of evidence in electronic form.",
        "The competent authorities of each State Party shall cooperate with one another in the "
        "collection of evidence in electronic form.",
        id="capitalisation",
    ),
    pytest.param(
        "States Parties shall cooperate with the relevant international and regional "
        "organisations in the prevention of the offences covered by this Convention.",
        "States Parties shall cooperate with the relevant international and regional "
        "organizations in the prevention of the offences covered by this Convention.",
        id="british-to-american-spelling",
    ),
    pytest.param(
        "State Parties shall afford one another the widest measure of cooperation in the "
        "prevention of cyber-crime.",
        "States Parties shall afford one another the widest measure of cooperation in the "
        "prevention of cybercrime.",
        id="state-parties-and-hyphen",
    ),
    pytest.param(
        "(b) the offence is committed by a national of that State Party;",
        "(b) the offence is committed by a national of that State Party.",
        id="semicolon-to-full-stop",
    ),
    pytest.param(
        "Each State Party shall take the the necessary measures to protect the confidentiality "
        "of the request.",
        "Each State Party shall take the necessary measures to protect the confidentiality of "
        "the request.",
        id="doubled-word-removed",
    ),
]

NOT_EDITORIAL = [
    pytest.param(
        "Each State Party shall take measures to protect the confidentiality of the request.",
        "Each State Party may take measures to protect the confidentiality of the request.",
        id="shall-to-may",
    ),
    pytest.param(
        "Each State Party shall ensure that the lawful interception of communications is "
        "subject to independent oversight.",
        "Each State Party shall ensure that the unlawful interception of communications is "
        "subject to independent oversight.",
        id="lawful-to-unlawful",
    ),
    pytest.param(
        "Conduct that is prescribed by the law of the requested State Party shall be punishable.",
        "Conduct that is proscribed by the law of the requested State Party shall be punishable.",
        id="prescribed-to-proscribed",
        marks=wrong(
            "'prescribed' and 'proscribed' are similar enough in letters (ratio >= 0.8) to count "
            "as a spelling fix: finds editorial"
        ),
    ),
    pytest.param(
        "The requested State Party shall inform the requesting State Party of the outcome of "
        "the request.",
        "The requested State Party shall inform the requesting State Party of the outcome of "
        "the investigation.",
        id="noun-changed",
    ),
]


@pytest.mark.parametrize(("old", "new"), EDITORIAL)
def test_editorial_found(old: str, new: str) -> None:
    """Punctuation, capitalisation and spelling fixes are editorial."""
    assert "editorial" in kinds(old, new)


@pytest.mark.parametrize(("old", "new"), NOT_EDITORIAL)
def test_editorial_not_found(old: str, new: str) -> None:
    """A change of meaning, however small in letters, is not editorial."""
    assert "editorial" not in kinds(old, new)


# -- across kinds -------------------------------------------------------------------------------

#: The positive table of each kind.
POSITIVE = {
    "obligation-weakened": WEAKENED,
    "obligation-strengthened": STRENGTHENED,
    "scope-broadened": BROADENED,
    "scope-narrowed": NARROWED,
    "safeguard-added": SAFEGUARD_ADDED,
    "safeguard-removed": SAFEGUARD_REMOVED,
    "exception-added": EXCEPTION_ADDED,
    "exception-removed": EXCEPTION_REMOVED,
    "intent-added": INTENT_ADDED,
    "intent-removed": INTENT_REMOVED,
    "threshold-changed": THRESHOLD,
    "definition-changed": DEFINITION,
    "provision-added": PROVISION_ADDED,
    "provision-deleted": PROVISION_DELETED,
    "brackets-resolved": BRACKETS_RESOLVED,
    "cross-reference-only": CROSS_REFERENCE,
    "editorial": EDITORIAL,
}
#: The negative table of each kind.
NEGATIVE = {
    "obligation-weakened": NOT_WEAKENED,
    "obligation-strengthened": NOT_STRENGTHENED,
    "scope-broadened": NOT_BROADENED,
    "scope-narrowed": NOT_NARROWED,
    "safeguard-added": NOT_SAFEGUARD_ADDED,
    "safeguard-removed": NOT_SAFEGUARD_REMOVED,
    "exception-added": NOT_EXCEPTION_ADDED,
    "exception-removed": NOT_EXCEPTION_REMOVED,
    "intent-added": NOT_INTENT_ADDED,
    "intent-removed": NOT_INTENT_REMOVED,
    "threshold-changed": NOT_THRESHOLD,
    "definition-changed": NOT_DEFINITION,
    "provision-added": NOT_PROVISION_ADDED,
    "provision-deleted": NOT_PROVISION_DELETED,
    "brackets-resolved": NOT_BRACKETS_RESOLVED,
    "cross-reference-only": NOT_CROSS_REFERENCE,
    "editorial": NOT_EDITORIAL,
}
PAIRED = [
    "obligation-weakened",
    "obligation-strengthened",
    "scope-broadened",
    "scope-narrowed",
    "safeguard-added",
    "safeguard-removed",
    "exception-added",
    "exception-removed",
    "intent-added",
    "intent-removed",
    "provision-added",
    "provision-deleted",
]

#: Reversed positive cases the classifier gets wrong: "kind/case id" -> what it does instead.
SYMMETRY_WRONG: dict[str, str] = {}

#: Positive cases whose evidence is wrong: "kind/case id" -> what is wrong with it.
EVIDENCE_WRONG: dict[str, str] = {}


def across(kinds_: Iterable[str], wrong_cases: dict[str, str]) -> list[Any]:
    """The positive cases of *kinds_* as (kind, old, new, heading), marked from *wrong_cases*."""
    cases = []
    for kind in kinds_:
        for param in POSITIVE[kind]:
            old, new, *rest = param.values
            case_id = f"{kind}/{param.id}"
            marks = [wrong(wrong_cases[case_id])] if case_id in wrong_cases else []
            heading = rest[0] if rest else OFFENCE_HEADING
            cases.append(pytest.param(kind, old, new, heading, id=case_id, marks=marks))
    return cases


def test_every_kind_has_enough_cases() -> None:
    """Each kind has five positive and three negative cases, and KINDS knows every kind."""
    assert set(POSITIVE) == set(NEGATIVE)
    assert set(POSITIVE) <= set(KINDS)
    assert all(len(table) >= 5 for table in POSITIVE.values())
    assert all(len(table) >= 3 for table in NEGATIVE.values())
    assert all(KINDS[KINDS[kind]] == kind for kind in PAIRED)


@pytest.mark.parametrize(("kind", "old", "new", "heading"), across(PAIRED, SYMMETRY_WRONG))
def test_swapping_old_and_new_gives_the_opposite_kind(
    kind: str, old: str, new: str, heading: str
) -> None:
    """Classifying a positive case backwards (new -> old) finds the opposite kind."""
    assert KINDS[kind] in kinds(new, old, heading)


@pytest.mark.parametrize(("kind", "old", "new", "heading"), across(POSITIVE, EVIDENCE_WRONG))
def test_evidence_quotes_the_text(kind: str, old: str, new: str, heading: str) -> None:
    """Every finding of a positive case quotes words that stand in the old or new text."""
    text = f"{old}\n{new}".lower()
    found = findings(old, new, heading)
    assert found
    for finding in found:
        assert finding.evidence, finding
        for quote in finding.evidence:
            # A long provision is quoted up to "...": the words before the ellipsis must stand.
            words = quote.removesuffix("...").lower()
            assert words.strip(), finding
            assert words in text, (quote, finding)

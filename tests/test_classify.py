"""The change classifier, kind by kind: a table of realistic sentence pairs for each kind.

Every kind has positive cases (the kind must be among those found) and negative cases (a
realistic change that must not get the kind). The sentences are written for these tests in the
style of UN conventions, Council of Europe treaties and EU regulations; none is a real treaty's
text. A case the classifier gets wrong is kept and marked ``xfail(strict=True)`` with what the
classifier does instead, so that the rule owner sees it and the mark goes when the rule is fixed.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

import treatydiff
from treatydiff.classify import KINDS, ChangeContext, Finding, classify, vocabulary
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


# -- obligation-weakened ------------------------------------------------------------------------

WEAKENED = [
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
        "Each State Party shall provide for the confiscation of the proceeds of crime derived "
        "from offences established in accordance with this Convention.",
        "Each State Party shall endeavour to provide for the confiscation of the proceeds of "
        "crime derived from offences established in accordance with this Convention.",
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
        "Each State Party shall take measures to provide effective protection from retaliation "
        "or intimidation for witnesses who give testimony concerning offences established in "
        "accordance with this Convention.",
        "Each State Party shall take measures, as appropriate, to provide effective protection "
        "from retaliation or intimidation for witnesses who give testimony concerning offences "
        "established in accordance with this Convention.",
        id="as-appropriate-inserted",
    ),
    pytest.param(
        "Each State Party shall permit the appropriate use by its competent authorities of "
        "special investigative techniques within its territory.",
        "Each State Party shall, subject to its domestic law, permit the appropriate use by its "
        "competent authorities of special investigative techniques within its territory.",
        id="subject-to-its-domestic-law-inserted",
    ),
    pytest.param(
        "States Parties shall afford one another the widest measure of mutual legal assistance "
        "in investigations, prosecutions and judicial proceedings in relation to the offences "
        "covered by this Convention.",
        "States Parties shall, to the extent permitted by their domestic law, afford one another "
        "the widest measure of mutual legal assistance in investigations, prosecutions and "
        "judicial proceedings in relation to the offences covered by this Convention.",
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
        "Each State Party shall adopt measures to allow the confiscation of property without a "
        "criminal conviction in cases in which the offender cannot be prosecuted by reason of "
        "death, flight or absence.",
        "Each State Party shall consider adopting measures to allow the confiscation of "
        "property without a criminal conviction in cases in which the offender cannot be "
        "prosecuted by reason of death, flight or absence.",
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
        "A State Party may require that the offence be committed by infringing security "
        "measures.",
        "A State Party shall require that the offence be committed by infringing security "
        "measures.",
        id="may-to-shall",
    ),
    pytest.param(
        "Each State Party shall designate a point of contact available twenty-four hours a day, "
        "seven days a week, in order to ensure the provision of immediate assistance.",
        "Each State Party shall designate a point of contact available twenty-four hours a day, "
        "seven days a week, in order to ensure the provision of immediate support.",
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
        "Requests for mutual legal assistance shall not be refused on the sole ground that the "
        "offence is also considered to involve fiscal matters.",
        "Requests for mutual legal assistance may not be refused on the sole ground that the "
        "offence is also considered to involve fiscal matters.",
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
        "A State Party may require that the offence be committed by infringing security "
        "measures, with the intent of obtaining electronic data or with other dishonest intent.",
        "A State Party shall require that the offence be committed by infringing security "
        "measures, with the intent of obtaining electronic data or with other dishonest intent.",
        id="may-to-shall",
    ),
    pytest.param(
        "States Parties shall endeavour to cooperate closely with one another, consistent with "
        "their respective legal and administrative systems, to enhance the effectiveness of law "
        "enforcement action to combat the offences covered by this Convention.",
        "States Parties shall cooperate closely with one another, consistent with their "
        "respective legal and administrative systems, to enhance the effectiveness of law "
        "enforcement action to combat the offences covered by this Convention.",
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
        "Each State Party shall, in accordance with its domestic law, provide for the protection "
        "of persons who report in good faith to the competent authorities facts concerning the "
        "offences established in accordance with this Convention.",
        "Each State Party shall provide for the protection of persons who report in good faith "
        "to the competent authorities facts concerning the offences established in accordance "
        "with this Convention.",
        id="in-accordance-with-domestic-law-deleted",
    ),
    pytest.param(
        "States Parties may consider the possibility of transferring to one another proceedings "
        "for the prosecution of an offence covered by this Convention.",
        "States Parties shall consider the possibility of transferring to one another "
        "proceedings for the prosecution of an offence covered by this Convention.",
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
        "The Parties shall co-operate with each other to the widest extent possible for the "
        "purposes of investigations concerning criminal offences related to computer systems.",
        "The Parties may co-operate with each other to the widest extent possible for the "
        "purposes of investigations concerning criminal offences related to computer systems.",
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
        "Each State Party shall establish the powers and procedures provided for in this chapter "
        "for the purpose of specific criminal investigations or proceedings.",
        "Each State Party shall establish the powers and procedures provided for in this chapter "
        "for the purpose of criminal investigations or proceedings.",
        id="specific-deleted",
    ),
    pytest.param(
        "Each State Party shall apply the powers and procedures referred to in paragraph 1 of "
        "this article to the criminal offences established in accordance with this Convention.",
        "Each State Party shall apply the powers and procedures referred to in paragraph 1 of "
        "this article to any criminal offence committed by means of an information and "
        "communications technology system.",
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
        "The purposes of this Convention are to promote and strengthen measures to prevent and "
        "combat cybercrime more efficiently and effectively.",
        "The purposes of this Convention are to promote and strengthen measures to prevent and "
        "combat cybercrime and other crimes committed by means of information and "
        "communications technology systems more efficiently and effectively.",
        id="purpose-extended-to-other-crimes",
    ),
    pytest.param(
        "Mutual legal assistance may be requested for the purpose of taking evidence or "
        "statements from persons.",
        "Mutual legal assistance may be requested for any of the following purposes, including "
        "taking evidence or statements from persons.",
        id="including-inserted",
    ),
]

NOT_BROADENED = [
    pytest.param(
        "Each State Party may reserve the right to apply the measures referred to in article 29 "
        "to offences or categories of offences specified in the reservation.",
        "Each State Party may reserve the right to apply the measures referred to in article 29 "
        "only to offences or categories of offences specified in the reservation.",
        id="only-inserted",
    ),
    pytest.param(
        "Each State Party shall adopt such legislative and other measures as may be necessary to "
        "establish as criminal offences under its domestic law, when committed intentionally, "
        "the access to the whole or any part of an information and communications technology "
        "system without right.",
        "Each State Party shall adopt such legislative and other measures as may be necessary to "
        "establish as criminal offences under its domestic law, when committed intentionally and "
        "with dishonest intent, the access to the whole or any part of an information and "
        "communications technology system without right.",
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
        "Each State Party may reserve the right to apply the measures referred to in article 29 "
        "to offences or categories of offences specified in the reservation.",
        "Each State Party may reserve the right to apply the measures referred to in article 29 "
        "only to offences or categories of offences specified in the reservation.",
        id="only-inserted",
    ),
    pytest.param(
        "Each State Party shall apply the powers and procedures referred to in paragraph 1 of "
        "this article to any criminal offence committed by means of an information and "
        "communications technology system.",
        "Each State Party shall apply the powers and procedures referred to in paragraph 1 of "
        "this article to the criminal offences established in accordance with this Convention.",
        id="any-criminal-offence-to-convention-offences",
    ),
    pytest.param(
        "Each State Party shall establish the powers and procedures provided for in this chapter "
        "for the purpose of criminal investigations or proceedings.",
        "Each State Party shall establish the powers and procedures provided for in this chapter "
        "for the purpose of specific criminal investigations or proceedings.",
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
        "Personal data transferred under this Convention shall be processed for the purposes "
        "for which they were received.",
        "Personal data transferred under this Convention shall be processed solely for the "
        "purposes for which they were received.",
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
        "Each State Party shall empower its competent authorities to order the expeditious "
        "preservation of specified electronic data.",
        "Each State Party shall empower its competent authorities to order, subject to judicial "
        "review, the expeditious preservation of specified electronic data.",
        id="safeguard-added",
    ),
    pytest.param(
        "Each State Party shall designate a central authority that shall have the "
        "responsibility and power to recieve requests for mutual legal assistance.",
        "Each State Party shall designate a central authority that shall have the "
        "responsibility and power to receive requests for mutual legal assistance.",
        id="typo-fixed",
    ),
    pytest.param(
        "Each State Party shall take the necessary measures to prevent the misuse of "
        "information and communications technology systems.",
        "Each State Party shall take all necessary measures to prevent the misuse of "
        "information and communications technology systems.",
        id="all-necessary-measures",
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

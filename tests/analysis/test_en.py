"""English analyser: lemmas, verb slots, quantities and baseline→target spans."""

from __future__ import annotations

import pytest

from okrlint.analysis.en import EnglishAnalyser
from okrlint.analysis.lexicon import load_lexicon
from okrlint.analysis.types import CONV, FIN, IMP, INF, PART_FORM, VNOUN


@pytest.fixture(scope="module")
def en() -> EnglishAnalyser:
    return EnglishAnalyser(load_lexicon("en"))


def _tok(an, surface: str):
    return next(t for t in an.tokens if t.text == surface)


@pytest.mark.parametrize(
    "word,lemma",
    [
        ("tried", "try"),
        ("tries", "try"),
        ("trying", "try"),
        ("running", "run"),
        ("ran", "run"),
        ("hired", "hire"),
        ("hiring", "hire"),
        ("organising", "organise"),
        ("organizing", "organise"),
        ("organized", "organise"),
        ("organise", "organise"),
        ("optimize", "optimise"),
        ("optimizing", "optimise"),
        ("optimised", "optimise"),
        ("analyzed", "analyse"),
        ("analysing", "analyse"),
        ("canceled", "cancel"),
        ("cancelled", "cancel"),
        ("enrolled", "enrol"),
        ("enrolling", "enrol"),
        ("stopped", "stop"),
        ("planned", "plan"),
        ("shipping", "ship"),
        ("reaches", "reach"),
        ("increases", "increase"),
        ("reduced", "reduce"),
        ("cutting", "cut"),
        ("wrote", "write"),
        ("written", "write"),
        ("built", "build"),
        ("held", "hold"),
        ("won", "win"),
        ("grew", "grow"),
        ("grown", "grow"),
        ("brought", "bring"),
        ("sold", "sell"),
        ("paid", "pay"),
        ("studies", "study"),
        ("companies", "company"),
        ("customers", "customer"),
        ("processes", "process"),
        ("churches", "church"),
        ("analyses", "analysis"),
        ("children", "child"),
        ("behavior", "behaviour"),
        ("programs", "programme"),
        ("centers", "centre"),
        ("digitizing", "digitise"),
        ("prioritized", "prioritise"),
        ("synergies", "synergy"),
        ("app's", "app"),
    ],
)
def test_lemma(en: EnglishAnalyser, word: str, lemma: str) -> None:
    assert en.analyse_word(word).lemmas[0] == lemma


@pytest.mark.parametrize(
    "word",
    [
        "size",
        "prize",
        "status",
        "business",
        "analysis",
        "series",
        "need",
        "speed",
        "during",
        "morning",
        "sales",
        "news",
    ],
)
def test_not_an_inflection(en: EnglishAnalyser, word: str) -> None:
    assert en.analyse_word(word).lemmas[0] == word


@pytest.mark.parametrize(
    "text,surface,form",
    [
        ("Increase patient satisfaction from 70% to 85%", "Increase", IMP),
        ("Launching the online booking system", "Launching", VNOUN),
        ("Posted announcements: 0 → 4", "Posted", PART_FORM),
        ("Customers onboarded: 0 → 40", "onboarded", PART_FORM),
        ("By optimising delivery routes, cut fuel costs from $40k to $30k", "optimising", CONV),
        ("By optimising delivery routes, cut fuel costs from $40k to $30k", "cut", IMP),
        ("Try to reduce the backlog", "reduce", INF),
        ("We will lower the dropout rate to 5%", "lower", FIN),
        ("Run 4 clinics that attract 300 patients", "attract", FIN),
        ("Launch the referral programme and acquire 250 new donors", "acquire", IMP),
        ("Try launching the mobile clinic", "launching", VNOUN),
        ("We are reducing missed appointments by 10%", "reducing", FIN),  # progressive
        ("We're reducing missed appointments by 10%", "reducing", FIN),
        ("We will have trained 80 volunteers", "trained", FIN),  # perfect
        ("We've cut overtime from 900 to 600 hours", "cut", FIN),
    ],
)
def test_verb_slots(en: EnglishAnalyser, text: str, surface: str, form: str) -> None:
    assert _tok(en.analyse(text), surface).form == form


@pytest.mark.parametrize(
    "text,surface",
    [
        ("Increase in school attendance", "attendance"),
        ("Cut the report backlog by 20%", "report"),  # a noun inside the object
        ("Reduce the cost of each delivery", "cost"),
        ("Grow the pricing page conversion", "pricing"),
        ("Move patients from ward A to ward B", "ward"),
        ("Raise the lower bound of the loan limit", "lower"),
    ],
)
def test_nouns_stay_nouns(en: EnglishAnalyser, text: str, surface: str) -> None:
    assert not _tok(en.analyse(text), surface).is_verb_like


def test_noun_phrase_has_no_verb(en: EnglishAnalyser) -> None:
    an = en.analyse("Annual budget report for rural schools")
    assert not an.has_verb_form
    assert an.head is None


def test_head_through_hedge(en: EnglishAnalyser) -> None:
    an = en.analyse("We will try to improve the intake process")
    assert an.has("hedging")
    assert an.head_token.text == "improve"
    assert an.match_at(an.head, "weak_verbs") is not None


def test_head_of_phrasal_binary_verb(en: EnglishAnalyser) -> None:
    an = en.analyse("Roll out e-prescriptions in all clinics by June")
    assert an.match_at(an.head, "binary_verbs").entry == "roll out"
    assert not an.has_quantity  # "all" and "June" are not targets


def test_baseline_from_to(en: EnglishAnalyser) -> None:
    an = en.analyse("Cut average delivery delay from 48 to 24 hours")
    assert [(c.baseline, c.target) for c in an.changes][:1] == [(48.0, 24.0)]


def test_baseline_arrow_and_current(en: EnglishAnalyser) -> None:
    assert en.analyse("Grow recurring donors 1,200 → 1,800").has_change
    assert en.analyse("Raise the pass rate to 90% (current: 81%)").has_change
    assert en.analyse("Raise the pass rate to 90%, baseline 81%").has_change
    assert not en.analyse("Raise the pass rate to 90%").has_change


def test_relative_target(en: EnglishAnalyser) -> None:
    an = en.analyse("Reduce readmissions by 12%")
    assert an.relative and an.targets[0].kind == "percent"


@pytest.mark.parametrize(
    "text,kind,value",
    [
        ("Raise $250k in donations", "money", 250.0),
        ("Save €2m in fuel costs", "money", 2.0),
        ("Collect 2 million dollars for the shelter", "money", 2_000_000.0),
        ("Grow ARR to $5M", "money", 5.0),
        ("Win five new school partners", "number", 5.0),
        ("Double the number of volunteers", "multiplier", None),
        ("Be a top-3 employer in the county", "rank", None),
        ("Rank in the top 5 hospitals in the state", "rank", None),
        ("Become the No. 1 courier in the city", "rank", None),
        ("Raise the app rating from 4.2 to 4.6", "number", 4.2),
        ("Cut load time from 4s to 2s", "number", 4.0),
    ],
)
def test_quantities(en: EnglishAnalyser, text: str, kind: str, value: float | None) -> None:
    q = en.analyse(text).quantities[0]
    assert q.kind == kind
    if value is not None:
        assert q.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Migrate payroll to the new system in 2026",
        "Launch the portal in Q3",
        "Finish the audit by 30 June",
        "Serve clients 24/7",
        "Reach ISO 9001 certification",
    ],
)
def test_not_targets(en: EnglishAnalyser, text: str) -> None:
    assert not en.analyse(text).has_quantity


def test_fundraising_raise_is_not_a_change(en: EnglishAnalyser) -> None:
    assert not en.analyse("Raise $80k from local sponsors").has("change_verbs")
    assert en.analyse("Raise the graduation rate to 92%").has("change_verbs")


def test_jargon_forms(en: EnglishAnalyser) -> None:
    assert en.analyse("Create synergies across departments").has("jargon")
    assert en.analyse("Leveraging volunteers to reach 500 families").has("jargon")
    assert en.analyse("Deliver world-class care").has("jargon")


def test_auxiliary_is_not_the_head(en: EnglishAnalyser) -> None:
    an = en.analyse("We are improving triage at the walk-in centre")
    assert an.tokens[an.head].text == "improving"
    an = en.analyse("Have trained staff on every night shift")  # "have" the verb, not a perfect
    assert an.tokens[an.head].text == "Have"


@pytest.mark.parametrize("text", ["Launch the portal by 30/06/2026", "Launch the portal by 6/30/26"])
def test_slash_date_is_no_quantity(en: EnglishAnalyser, text: str) -> None:
    assert not en.analyse(text).has_quantity


@pytest.mark.parametrize("text", ["KR1: Launch the portal", "KR2.1: Launch the portal", "O1: Become the first choice"])
def test_glued_heading_number_starts_the_sentence(en: EnglishAnalyser, text: str) -> None:
    an = en.analyse(text)
    assert an.head is not None and an.tokens[an.head].form in ("imp", "inf")
    assert not an.has_quantity


@pytest.mark.parametrize(
    "text", ["Organise 3 fundraising dinners for donors", "Email our recruiting partners 4 times", "Run 5 hiring days"]
)
def test_counted_ing_modifier_is_no_verb(en: EnglishAnalyser, text: str) -> None:
    # "3 fundraising dinners" names a kind of dinner: no outcome verb with a count saves the task
    an = en.analyse(text)
    assert not an.has("outcome_verbs") and not an.has("reach_verbs")
    assert an.has("activity_verbs")


def test_counted_plural_is_no_verb(en: EnglishAnalyser) -> None:
    # "20 books", "3 drives": a count of things, not booking or driving 20 of something
    an = en.analyse("Write 20 books for the library")
    assert not an.has("outcome_verbs") and an.has("activity_verbs")
    assert en.analyse("Book 20 demos with prospects").has("outcome_verbs")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Apply for 4 innovation grants", "activity_verbs"),
        ("Submit 6 tender bids", "activity_verbs"),
        ("Facilitate 8 design sessions", "activity_verbs"),
        ("Achieve PCI DSS compliance", "binary_verbs"),
        ("Construction of the new depot", "binary_verbs"),
        ("Lose 5 kg before the race", "change_verbs"),
    ],
)
def test_verbs_across_domains(en: EnglishAnalyser, text: str, concept: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, concept) is not None


def test_facilitate_alone_stays_weak(en: EnglishAnalyser) -> None:
    an = en.analyse("Facilitate cross-team planning")
    assert an.match_at(an.head, "weak_verbs") is not None


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Carry out 4 fire drills", "activity_verbs"),
        ("Perform 12 site inspections", "activity_verbs"),
        ("Obtain the operating licence for the new plant", "binary_verbs"),
        ("Secure planning approval for the depot", "binary_verbs"),
        ("Together with the council, organise a street festival", "activity_verbs"),
    ],
)
def test_more_verbs_at_the_head(en: EnglishAnalyser, text: str, concept: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, concept) is not None, an.matches


def test_intransitive_rise_is_a_change(en: EnglishAnalyser) -> None:
    assert en.analyse("Repeat visits will rise to 40%").has("change_verbs")


def test_goal_heading_number_is_a_name(en: EnglishAnalyser) -> None:
    assert not en.analyse("Goal 3: Become the partner of choice for councils").has_quantity


def test_count_before_a_compound_is_no_change(en: EnglishAnalyser) -> None:
    # "5 growth marketers" counts marketers: "growth" is no change of size 5
    an = en.analyse("Hire 5 growth marketers")
    assert not an.has("change_verbs") and an.has("activity_verbs")
    assert en.analyse("A 20% growth in repeat bookings").has("change_verbs")


def test_age_number_is_a_name(en: EnglishAnalyser) -> None:
    assert not en.analyse("Every child reads fluently by age 8").has_quantity


@pytest.mark.parametrize(
    "text", ["Deprecate the v1 endpoints", "Phase out the paper forms", "Shut down the old data centre"]
)
def test_retiring_is_a_yes_no_event(en: EnglishAnalyser, text: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, "binary_verbs") is not None, an.matches


@pytest.mark.parametrize(
    "text", ["Roll out 2-factor authentication for all staff", "Pilot a 4-day work week", "Increase 30-day retention"]
)
def test_number_in_a_compound_adjective_is_a_name(en: EnglishAnalyser, text: str) -> None:
    assert not en.analyse(text).has_quantity


@pytest.mark.parametrize(
    "text", ["Reach a 4.5-star rating on Google", "Achieve a 10-minute reduction in wait time", "Hire 3 engineers"]
)
def test_number_before_a_value_or_change_stays_a_quantity(en: EnglishAnalyser, text: str) -> None:
    assert en.analyse(text).has_quantity


def test_a_number_inside_a_gap_is_not_a_word(en: EnglishAnalyser) -> None:
    # "achieve ... certification" allows three words between; the name's digit is not one of them
    an = en.analyse("Achieve SOC 2 Type II certification by November")
    assert an.match_at(an.head, "binary_verbs") is not None


@pytest.mark.parametrize("text", ["25% year-over-year revenue growth", "20% YoY growth in paying members"])
def test_change_noun_heads_a_verbless_key_result(en: EnglishAnalyser, text: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, "change_verbs") is not None


def test_verbless_count_has_no_change_head(en: EnglishAnalyser) -> None:
    assert en.analyse("500 new monthly donors").head is None


@pytest.mark.parametrize(
    "text",
    ["Rebrand the club ahead of the 2026/27 season", "Launch v2.0 of the donor app", "Roll out Microsoft 365"],
)
def test_season_version_and_product_numbers_are_no_quantity(en: EnglishAnalyser, text: str) -> None:
    assert not en.analyse(text).has_quantity


def test_raising_a_round_is_fundraising(en: EnglishAnalyser) -> None:
    an = en.analyse("Raise a €5M seed round")
    assert not an.has("change_verbs")
    an = en.analyse("Close the Series B round")
    assert an.match_at(an.head, "binary_verbs") is not None


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("If funding is approved, launch the app in Kenya", "binary_verbs"),
        ("Once the pilot ends, roll out the scheduler to all clinics", "binary_verbs"),
        ("When the audit is done, hire 2 analysts", "activity_verbs"),
    ],
)
def test_leading_condition_heads_nothing(en: EnglishAnalyser, text: str, concept: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, concept) is not None, an.matches


def test_promotion_names_an_action(en: EnglishAnalyser) -> None:
    from okrlint.analysis import reading

    assert reading.names_action(en.analyse("Promotion of the club to the Premier League"))


def test_hyphenated_number_words(en: EnglishAnalyser) -> None:
    an = en.analyse("Raise the pass rate to seventy-two percent")
    assert [(q.kind, q.value) for q in an.quantities] == [("percent", 72.0)]
    assert [q.value for q in en.analyse("Hire thirty-one drivers").quantities] == [31.0]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Drivers: become the courier company people want to work for", "state_verbs"),
        ("Volunteers — recruit 40 mentors for the summer camp", "activity_verbs"),
    ],
)
def test_topic_label_before_colon_or_dash(en: EnglishAnalyser, text: str, concept: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, concept) is not None, an.matches


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Publication of 6 policy briefs", "activity_verbs"),
        ("Preparation of 4 tender bids", "activity_verbs"),
        ("Obtain ISO 14001 certification", "binary_verbs"),
    ],
)
def test_verbal_nouns_and_certification(en: EnglishAnalyser, text: str, concept: str) -> None:
    an = en.analyse(text)
    assert an.match_at(an.head, concept) is not None, an.matches

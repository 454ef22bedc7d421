"""How an OKR coach reads an analysed text: the judgements rules share.

Each function answers one question about an :class:`Analysis` in terms of
concepts, quantities and spans, never words of a particular language. Rules
call these so a shared check lives in one place (OKR101 and OKR104 both need
"is there an outcome with its own quantity?").
"""

from __future__ import annotations

from .types import ADP, FIN, MONEY, MULTIPLIER, NOUN, NUMBER, PART_FORM, PERCENT, RANK, Analysis, Match, Quantity, Token

OUTCOME_CONCEPTS = ("outcome_verbs", "change_verbs", "reach_verbs")


def head_match(an: Analysis, concept: str) -> Match | None:
    """The match of ``concept`` that covers the content head, if any."""
    return an.match_at(an.head, concept)


def scope_quantities(an: Analysis, match: Match) -> list[Quantity]:
    """Quantities that belong to the verb of ``match``.

    In head-initial languages the object follows the verb, up to the next
    verb-like word; in head-final ones it precedes it, back to the previous one.
    """
    own = set(match.tokens)
    verbs = [i for i, t in enumerate(an.tokens) if t.is_verb_like and i not in own]
    if an.head_final and not _attributive_participle(an, match):
        lo = max((i for i in verbs if i < match.tokens[0]), default=-1)
        hi = match.tokens[-1]
        return [q for q in an.quantities if lo < q.tokens[0] and q.tokens[-1] < hi]
    lo = match.tokens[0]
    if an.tokens[lo].pos == NOUN:  # a noun takes the quantity just before it: "a $400k reduction",
        # "a 20-percent increase", "20-процентного роста" (what comes between is glued to the number)
        lo = min(
            (
                q.tokens[0] - 1
                for q in an.quantities
                if lo - 3 <= q.tokens[-1] < lo
                and all(an.tokens[k].start == an.tokens[k - 1].end for k in range(q.tokens[-1] + 1, lo))
            ),
            default=lo,
        )
    hi = min((i for i in verbs if i > match.tokens[-1]), default=len(an.tokens))
    return [q for q in an.quantities if lo < q.tokens[0] and q.tokens[-1] < hi]


def _attributive_participle(an: Analysis, match: Match) -> bool:
    """A participle before its noun ("Yaratilgan videolar: 0 → 10", "Oluşturulan videolar: 0 → 10"):
    even where the head comes last, what it counts follows it, as in a head-initial language."""
    last = match.tokens[-1]
    if an.tokens[last].form != PART_FORM:
        return False
    after = next((t for t in an.tokens[last + 1 :] if t.is_word), None)
    return after is not None and after.pos == NOUN


def outcome_with_quantity(an: Analysis) -> Match | None:
    """An outcome, change or reach verb that carries its own target quantity."""
    for m in an.matches:
        if m.concept in OUTCOME_CONCEPTS and any(q.is_target or q.kind == RANK for q in scope_quantities(an, m)):
            return m
    return None


def task_style(an: Analysis) -> Match | None:
    """OKR101: the head is an activity, or a deliverable with a plain count."""
    head = head_match(an, "activity_verbs")
    if head is None:
        for concept in ("deliverable_verbs", "binary_verbs"):
            m = head_match(an, concept)
            # "in 4 hospitals" counts places, not deliverables.
            if m is not None and any(
                q.kind == NUMBER and an.quantities.index(q) not in an.places for q in scope_quantities(an, m)
            ):
                head = m
                break
    if head is None:
        head = _counted_means(an)
    if head is None or outcome_with_quantity(an) is not None or _share_as_subject(an):
        return None
    return head


def _counted_means(an: Analysis) -> Match | None:
    """An activity that counts the team's own outputs as the means of an outcome with no quantity of
    its own ("Reduce complaints by holding 8 meetings", "8 ta uchrashuv o'tkazib, shikoyatlarni
    kamaytirish"): the number measures what the team does, as in "Hold 8 meetings to reduce complaints"."""
    if an.head is None or an.has_change:  # a stated baseline→target is the outcome's own quantity
        return None
    heads = [m for m in an.matches if m.concept in OUTCOME_CONCEPTS and an.head in m.tokens]
    if not heads or any(q.is_target or q.kind == RANK for m in heads for q in scope_quantities(an, m)):
        return None
    for m in an.concept("activity_verbs"):
        if an.head not in m.tokens and any(q.kind == NUMBER and q.is_target for q in scope_quantities(an, m)):
            return m
    return None


def _share_as_subject(an: Analysis) -> bool:
    """ "80% of new hires complete onboarding", "hastaların %95'inin muayene edilmesi": a share of a
    population does the act (a finite third-person or passive head after a percentage), so the text
    states a rate the team achieves, not a task it does."""
    if an.head is None:
        return False
    unit = {an.head} | {i for m in an.matches if an.head in m.tokens for i in m.tokens}  # "muayene edilmesi"
    verb = max(unit)
    finite = an.tokens[verb].form == FIN and an.tokens[verb].feats.get("person", "3") != "1"
    if not (finite or any(an.tokens[i].feats.get("voice") == "pass" for i in unit)):
        return False
    # A share is a percentage or a fraction word ("каждый второй клиент", "co trzeci", "har uchinchi").
    return any(q.kind in (PERCENT, MULTIPLIER) and q.tokens[-1] < min(unit) for q in an.quantities)


def binary_event(an: Analysis) -> Match | None:
    """OKR104: a yes/no event heads the text and nothing is counted."""
    m = head_match(an, "binary_verbs")
    if m is None or an.has_quantity:
        return None
    return m


def weak_head(an: Analysis) -> Match | None:
    """OKR103: the head names no direction or size, and no baseline→target says it."""
    m = head_match(an, "weak_verbs")
    if m is None or an.has_change:
        return None
    return m


def change_without_baseline(an: Analysis, require_for: tuple[str, ...] = ("change",)) -> Match | Quantity | None:
    """OKR106: a change (or, if required, a reach) with a target but no starting value."""
    if not an.has_quantity or an.has_change:
        return None
    # A change verb counts when it carries its own target ("increase traffic by 40%") or heads the text;
    # "organise 8 meetings to reduce absenteeism" counts meetings, not the reduction.
    changes = [
        m
        for m in an.concept("change_verbs")
        if any(q.is_target for q in scope_quantities(an, m)) or (an.head in m.tokens and _counted_means(an) is None)
    ]
    if "change" in require_for and changes:
        return changes[0]
    weak = head_match(an, "weak_verbs")
    if "change" in require_for and weak is not None and _metric_target(an, weak):
        return weak
    if "reach" in require_for:
        reach = an.concept("reach_verbs") or an.concept("outcome_verbs")
        if reach:
            return reach[0]
    return None


def _metric_target(an: Analysis, m: Match) -> bool:
    """A weak verb whose object is a metric: a percent, money, a relative or "to" target."""
    for k, q in enumerate(an.quantities):
        if q.kind in (PERCENT, MONEY) or (q.is_target and (k in an.relative or k in an.to_marked)):
            return True
    return False


def names_action(an: Analysis) -> bool:
    """OKR202: the text has a verb form, or an action noun that heads its noun phrase."""
    return an.has_verb_form or heading_action_noun(an) is not None


# Punctuation that opens a new phrase: "CRM: migration to …", "Clinics — growth of …".
_PHRASE_BREAKS = frozenset(":;—–(")


def heading_action_noun(an: Analysis) -> Match | None:
    """An ``action_nouns`` match that names the text's action, not a word inside one of its parts.

    The action noun must head its noun phrase. Where the head comes first (ru, pl, en) no
    preposition or verb stands before it in its phrase ("partnerstwa z *organizacjami*" is the
    partners' kind), and a caseless noun right after it makes it a modifier of that noun
    ("Warehouse *automation* roadmap" is a roadmap; "*Transformacja* przychodni" takes a
    genitive object). Where the head comes last (tr, uz) no noun follows it ("Bölgesel *büyüme*
    stratejisi" is a strategy).
    """
    for m in an.concept("action_nouns"):
        i = m.tokens[-1]
        start = max((k + 1 for k in range(i) if an.tokens[k].text in _PHRASE_BREAKS), default=0)
        end = min((k for k in range(i + 1, len(an.tokens)) if an.tokens[k].text in _PHRASE_BREAKS), default=None)
        after = [t for t in an.tokens[i + 1 : end] if t.is_word]
        if an.head_final:
            if not any(t.pos == NOUN for t in after):
                return m
            continue
        if any(t.pos == ADP or t.is_verb_like for t in an.tokens[start : m.tokens[0]]):
            continue
        if after and after[0].pos == NOUN and not _case_marked(an.tokens[i]) and not _case_marked(after[0]):
            continue
        return m
    return None


def _case_marked(tok: Token) -> bool:
    return bool(tok.feats.get("case") or tok.feats.get("cases"))


def first_quantity(an: Analysis, kinds: tuple[str, ...] = (NUMBER, PERCENT, MONEY)) -> Quantity | None:
    return next((q for q in an.quantities if q.kind in kinds or q.is_target), None)

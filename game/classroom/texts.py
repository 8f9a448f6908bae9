"""Every player-facing string of council play and class votes, marked for the gettext
catalogs, and the helpers that word the model's data (council names, errors) in a language.

The students' page is plain JS: the server sends it `page_texts(tr)` when it joins, so the
page speaks the class's language from the same catalogs as the game window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.i18n import N_, format_text, lang_of, number, percent_template
from game.level_words import GOODS

Gettext = Callable[[str], str]


DIFFICULTIES = {"gentle": N_("gentle"), "standard": N_("standard"), "hard": N_("hard")}

PAGE = {
    "title": N_("Class planning"),
    "join_intro": N_("Enter the code on the projector and your group's name."),
    "code": N_("Join code"),
    "name": N_("Group name"),
    "join": N_("Join"),
    "waiting": N_("Waiting for the teacher to start the planning."),
    "round": N_("Round {n}"),
    "your_council": N_("Your council"),
    "good": N_("Good"),
    "price": N_("Price"),
    "last": N_("Last round"),
    "suggested": N_("Suggested"),
    "allowed": N_("Allowed"),
    "yours": N_("Your proposal"),
    "use_suggested": N_("Use the suggestion"),
    "propose": N_("Send the proposal"),
    "sent": N_("Proposal sent. You can still change it until the round closes."),
    "free": N_("This round you may revise freely."),
    "paced": N_(
        "From now on each change is limited: at most half the good's average excess toward "  # two lines
        "balance, a quarter away from it."
    ),
    "cost": N_("Cost {cost} of your budget {budget}"),
    "over_budget": N_("Over budget: the other councils would vote this down."),
    "revenue": N_("Output worth {revenue}, inputs cost {inputs}"),
    "effort": N_("Effort needed: {effort} (the suggestion needs {auto})"),
    "sbsc": N_("Social benefit to social cost: {ratio}"),
    "effect": N_("{good}: excess {before} becomes {after}"),
    "output": N_("Output"),
    "input": N_("Input"),
    "demand": N_("Demand"),
    "converged": N_("The plan is agreed: every good is within {t}%."),
    "stopped": N_("The teacher ended the planning."),
    "limit": N_("The planning reached its last round without agreement."),
    "seconds_left": N_("{s} s left in this round"),
    "taken_over": N_("Your automatic council answered for you last round."),
    "vote": N_("Class vote"),
    "vote_cast": N_("Your vote is counted. You can change it until the vote closes."),
    "vote_result": N_("Result: {option}"),
    "disconnected": N_("Connection lost. Reconnecting..."),
    "board": N_("Facilitation board"),
    "excess": N_("Excess"),
    "groups": N_("Groups"),
    "proposed": N_("proposed"),
    "thinking": N_("thinking"),
    "away": N_("automatic"),
    "address": N_("Open {url} and enter the code {code}"),
    "start": N_("Start planning"),
    "close_round": N_("Close the round"),
    "stop": N_("End the planning"),
    "largest_excess": N_("Largest excess: {v}%"),
    "class_plan": N_("The class's plan"),
    "automatic_plan": N_("The automatic plan"),
    "rounds": N_("Rounds"),
    "moved_most": N_("Whose revisions moved the plan most"),
    "vote_event": N_("Vote on the event"),
    "vote_actions": N_("Vote on an action"),
    "by_hands": N_("by show of hands"),
    "by_groups": N_("one vote per group"),
    "close_vote": N_("Close the vote"),
    "play_turn": N_("Play the turn"),
    "turn": N_("Turn {n} of {total}"),
    "hands": N_("Hands"),
    "votes": N_("Votes"),
    "event": N_("Event: {title}"),
    "game_over": N_("The class's game is over."),
    "group_col": N_("Group"),
    "council_col": N_("Council"),
    "moved": N_("Moved"),
}

ERRORS = {
    "name_empty": N_("Please give your group a name."),
    "name_taken": N_("Another group already has that name."),
    "class_full": N_("Every council is taken."),
    "council_taken": N_("That council is taken."),
    "already_started": N_("The planning has already started."),
    "no_round": N_("No round is open right now."),
    "wrong_length": N_("The proposal needs one number for each good."),
    "not_a_number": N_("Every quantity must be a number."),
    "out_of_bounds": N_("{good}: {value} is outside the allowed range {lo} to {hi}."),
    "bad_code": N_("That is not the code on the projector."),
    "not_joined": N_("Join the class first."),
    "rate": N_("Too many messages: please wait a moment."),
    "too_big": N_("That message is too large."),
    "bad_message": N_("The server did not understand that message."),
    "closed": N_("The vote is closed."),
    "unknown_option": N_("That is not one of the options."),
    "no_vote": N_("There is no vote open."),
    "hands_vote": N_("This vote is counted by show of hands."),
    "bad_count": N_("A count of hands is a whole number."),
    "not_teacher": N_("Only the teacher's board can do that."),
    "no_game": N_("This classroom plays no game."),
    "game_over": N_("The class's game is over."),
    "no_event": N_("No event happens this turn."),
    "unplayable": N_("That action cannot be played now."),
    "few_options": N_("A vote needs at least two options."),
}


def good_name(tr: Gettext, good: str, names: dict[str, str] | None = None) -> str:
    """A good's name: the level's own (`names`, from `Classroom.goods`), else the game's."""
    if names and good in names:
        return names[good]
    return tr(GOODS[good]) if good in GOODS else good


def council_name(_: Gettext, kind: str, good: str, number: int, names: dict[str, str] | None = None) -> str:
    if kind == "worker":
        return _("{good} workers' council {n}").format(good=good_name(_, good, names), n=number)
    return _("Consumer council {n}").format(n=number)


def page_texts(tr: Gettext, names: dict[str, str] | None = None) -> dict[str, Any]:
    """The page's strings and the goods' names (the level's own) in the class's language (a
    "{t}%" written with the language's percent sign: `game.i18n.percent_template`)."""
    lang = lang_of(tr)
    return {
        "page": {k: percent_template(tr(v), lang) for k, v in PAGE.items()},
        "errors": {k: percent_template(tr(v), lang) for k, v in ERRORS.items()},
        "goods": {k: good_name(tr, k, names) for k in GOODS},
    }


def error_text(
    tr: Gettext, code: str, params: dict[str, Any] | None = None, names: dict[str, str] | None = None
) -> str:
    """An error in the class's language (numbers rounded as the page shows them)."""
    template = ERRORS.get(code)
    if template is None:
        return tr(ERRORS["bad_message"])
    p = dict(params or {})
    if "good" in p:
        p["good"] = good_name(tr, str(p["good"]), names)
    lang = lang_of(tr)
    for k in ("value", "lo", "hi"):
        if isinstance(p.get(k), float):
            p[k] = number(p[k], ".2f", lang)  # as the page writes them (toLocaleString)
    try:
        return format_text(tr(template), lang, **p)
    except (KeyError, IndexError):
        return tr(template)

"""The modding reference's prose that the schema cannot hold: the order of its sections and
a note for each field. Data only; `game.levels.docs` renders it with the schema."""

from __future__ import annotations

# Sections in reading order: (schema name, heading, what it is).
SECTIONS = [
    ("Level", "Level (the top of a level file)", "Everything a level file holds."),
    (
        "Economy",
        "economy",
        "The starting economy. Shares are of the whole workforce; what "
        "firms, co-ops and councils do not employ is unemployed.",
    ),
    ("Elite", "elite", "The old elite: how strong it starts and which tactics it may use."),
    (
        "Resource",
        "resources[]",
        "What the player spends. Income is added at the start of every turn after the first.",
    ),
    (
        "Action",
        "actions[]",
        "The player's cards. Playing one pays its cost and applies its effects in order.",
    ),
    (
        "Effect",
        "effects[]",
        "One change to the simulation. Which keys an effect needs depends "
        "on its `op` (see *Effect operations* below).",
    ),
    (
        "Condition",
        "Conditions (`condition`, `when`, `win`)",
        "A test over the game state. "
        "Exactly one form: a comparison (`metric` or `param` with `op` and `value`), `played`, "
        "`all`, `any` or `not`.",
    ),
    (
        "Event",
        "events[]",
        "Things that happen to the player. At most one event fires per "
        "turn: the first in file order whose conditions hold and whose probability draw succeeds.",
    ),
    ("Choice", "choices[]", "An answer to an event. The first choice is the default."),
    ("Goals", "goals", "How the level is won and lost."),
    (
        "Loss",
        "goals.lose[]",
        "A way to lose. It must hold `for_turns` turns in a row; every "
        "turn before the last it shows its `warning`.",
    ),
    ("Source", "notes[]", "A historical fact and where it comes from."),
    ("GlossaryEntry", "glossary[]", "A term the game explains (in a level, or in a mod's glossary.yaml)."),
    (
        "Words",
        "words",
        "The level's own names for the game's fixed parts, so that its world speaks in its own "
        "words: the turn screen's economy panel and charts, the planning view, the causes, the "
        "news, the debrief and `simulate` use them. Every key is optional; what is left out keeps "
        "the game's wording. Each name is at most 32 characters in every language (a longer one "
        "is an error naming the field). Only names change: the mechanics stay the game's. "
        "`levels/sandbox_pluralist.yaml` names its guilds, families and villages this way.",
    ),
    ("Segments", "words.segments", "What the level calls the parts of its workforce."),
    (
        "Goods",
        "words.goods",
        "What the level calls the council sector's eight goods in the planning view and the classroom.",
    ),
]

# Explanations for fields whose schema has no description of its own.
FIELD_NOTES = {
    "Level.id": "Unique id: lower case letters, digits and `_`; saves and scenario codes use it.",
    "Level.title": "The level's name.",
    "Level.summary": "One or two sentences for the pathway map.",
    "Level.turn_length": "How long a turn is.",
    "Level.turns": "How many turns the level lasts (12 to 20 play well).",
    "Level.difficulty": "1 (gentle) to 5 (hard), shown on the map.",
    "Level.map_position": "Where the level sits on the pathway map: [x, y], each 0 to 1.",
    "Level.briefing": "Paragraphs shown before the first turn.",
    "Level.economy": "The starting economy.",
    "Level.elite": "The old elite.",
    "Level.resources": "What the player spends.",
    "Level.actions": "The player's cards.",
    "Level.events": "Things that happen.",
    "Level.goals": "Win and loss conditions.",
    "Economy.population": "People in the economy (scales the numbers in texts).",
    "Economy.firm_share": "Share of the workforce in capitalist firms.",
    "Economy.coop_share": "Share of the workforce in worker co-ops.",
    "Economy.council_share": "Share of the workforce in planned worker councils.",
    "Economy.coop_count": "How many co-ops share `coop_share` (needed if it is above 0).",
    "Economy.owner_share": "Share of people who own the firms and live on profits.",
    "Economy.awareness": "Share of people who understand the project at the start.",
    "Economy.support": "Share who back it (at most `awareness`).",
    "Economy.power_concentration": "How much power a small group holds at the start.",
    "Elite.tactics": "The tactics it may use (see *Elite tactics*).",
    "Resource.id": "Used in costs and `resource` effects.",
    "Resource.name": "Shown to the player.",
    "Resource.start": "Amount at the start.",
    "Action.id": "Used in `requires`, `played` and decision files.",
    "Action.title": "The card's name.",
    "Action.text": "What the card does, in the player's words.",
    "Action.category": "Sets the card's icon.",
    "Action.cost": "Resource id to amount.",
    "Action.repeatable": "Whether it can be played again in later turns (never twice in one turn).",
    "Action.effects": "Applied in order when the card is played.",
    "Effect.param": "The parameter for `add`, `mul` and `set` (see *Parameters*).",
    "Effect.value": "The amount; its meaning depends on `op`.",
    "Effect.from": "Source segment for `convert` and `found_coops` (see *Segments*).",
    "Effect.to": "Target segment for `convert`.",
    "Effect.share": "Share of the whole workforce moved (0 to 1); for `merge`, the share "
    "working on the merged estate.",
    "Effect.count": "How many co-ops `found_coops` founds.",
    "Effect.resource": "The player's resource for `resource`.",
    "Effect.tactic": "The elite tactic `counter` weakens.",
    "Effect.capital": "For `convert` from `firm`: what happens to the capital of the workplaces "
    "that leave. `lost` (the default): scrapped or taken without payment, the owners lose it. "
    "`sold`: bought at its value, the owners place the price elsewhere at the world rate. "
    "`moved`: the owners move it abroad, where it earns the world rate (as in capital flight). "
    "In a level with a land market (it sets `land_turnover`), a `sold` convert to `coop` puts "
    "the land in the land trust, with room for settlers.",
    "Effect.land": "For `found_coops`: `trust` settles the new co-ops on a land trust's land. In a "
    "level with a land market (it sets `land_turnover` in its economy) they take only the trust's "
    "idle land: the places on the farms it bought (1/0.6 family-farm crews for each worker of the "
    "merged farm it bought) that no member farms, and beyond them no one is settled; the farms "
    "share their output with the settlers, each of whom adds a fifth of a member's output, so pay "
    "per member falls.",
    "Condition.op": "How `metric` or `param` is compared with `value`.",
    "Condition.value": "The number compared with.",
    "Condition.all": "Holds when every condition in the list holds.",
    "Condition.any": "Holds when at least one holds.",
    "Condition.not": "Holds when the condition does not.",
    "Event.id": "Used in decision files' `choices`.",
    "Event.title": "Shown to the player.",
    "Event.text": "What happened.",
    "Event.when": "Only fires while this holds.",
    "Event.probability": "Chance it fires on a turn when it may.",
    "Event.earliest_turn": "First turn it may fire.",
    "Event.once": "Fires at most once in a level.",
    "Choice.id": "Used in decision files.",
    "Choice.label": "The button's text.",
    "Choice.cost": "Resource id to amount.",
    "Choice.effects": "Applied when chosen.",
    "Goals.win_text": "Shown when the level is won.",
    "Goals.lose": "Ways to lose.",
    "Loss.id": "Names the loss in reports.",
    "Loss.when": "The danger.",
    "Loss.warning": "Shown while the danger lasts, before the level is lost.",
    "Loss.reason": "Shown when the level is lost this way.",
    "Source.text": "The fact.",
    "GlossaryEntry.term": "The word or phrase.",
    "GlossaryEntry.text": "Its explanation.",
    "GlossaryEntry.source": "Where the explanation comes from.",
    "Level.glossary": "Terms this level explains (shown in the game and the debrief).",
    "GlossaryFile.glossary": "The terms.",
    "DecisionFile.turns": "Turn number to that turn's decisions.",
    "DecisionFile.events": "Event id to the id of the choice taken whenever that event fires, "
    "on whatever turn the seed makes it fire (a turn's own `choices` override it).",
    "TurnDecision.actions": "Action ids played this turn, in order.",
    "TurnDecision.choices": "Event id to the id of the choice taken.",
}

"""The turn screen, in parts a newcomer can change one at a time: `scene` (input and
lifecycle; the registry in game.ui.scenes names `scene.TurnScene`), `draft` (the turn being
decided, no pygame), `text` (its words), `layout` (where things go), `panels` (drawing from
plain data) and `parts` (composite widgets and dialogs)."""

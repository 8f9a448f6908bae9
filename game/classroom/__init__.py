"""Council play for a class: groups of students take worker and consumer councils of a level's
council economy and plan it themselves, at one machine (hot seat) or from their browsers
(the classroom server). Pygame-free: the UI scenes and the server share this core."""

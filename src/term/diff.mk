# Screen diff and wire form (appends to libterm's sources).

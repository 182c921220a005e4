# src/server: layout tree, targets, command-line tables (the daemon comes later).

# Tests of sync.

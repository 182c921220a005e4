# Tests of diff.

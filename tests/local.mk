# Test programs exit 0 on success, 77 to skip, anything else on failure.
# Each module's tests are listed in their own fragment below.
EXTRA_DIST += tests/check.h
include tests/term.mk

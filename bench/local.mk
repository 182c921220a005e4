# Benchmarks are programs that print figures; they are built with everything else (so they
# keep compiling) and run by `make bench`, never timed in `make check`.
# A module adds its programs as: BENCHMARKS += bench/NAME
BENCHMARKS =

# Benchmarks print figures; they are built by `make bench`, never timed in `make check`.

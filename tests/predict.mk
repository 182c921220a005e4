# The prediction engine against a scripted pane.
check_PROGRAMS += tests/test_predict
TESTS += tests/test_predict
tests_test_predict_LDADD = src/client/libclient.a $(TERM_LIBS)

# The prediction engine against a scripted pane.
check_PROGRAMS += tests/test_predict
TESTS += tests/test_predict
tests_test_predict_LDADD = src/client/libclient.a src/net/libnet.a $(TERM_LIBS)
# Prediction end to end: the real server and client through the impairment proxy.
check_PROGRAMS += tests/test_predict_attach
TESTS += tests/test_predict_attach
tests_test_predict_attach_SOURCES = tests/test_predict_attach.c $(ROAM_HELPERS)
tests_test_predict_attach_LDADD = $(ROAM_LIBS)

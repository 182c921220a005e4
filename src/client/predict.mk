# Local echo prediction.
src_client_libclient_a_SOURCES += src/client/predict.c src/client/predict.h

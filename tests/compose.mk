# Tests of the server's composed views.

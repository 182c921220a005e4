# Tests of src/server.

# Tests of the client's pieces: input parsing, bindings, drawing.

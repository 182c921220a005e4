# Integration tests: the real server and client, the client's screen read through an emulator.

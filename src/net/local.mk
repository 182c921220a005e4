# src/net: datagrams, fragments, connections.

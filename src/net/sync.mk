# src/net: state synchronisation and the input log (appends to libnet's sources).

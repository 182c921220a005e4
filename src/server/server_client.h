/*
 * Attached clients, as the server keeps them: each has its own sync connection
 * (net/transport.h) on the server's UDP socket, ships its own composed view
 * (compose.h) at its own pace, and sends an input log whose events are applied once each
 * (input.h).
 */
#ifndef RSH_SERVER_SERVER_CLIENT_H
#define RSH_SERVER_SERVER_CLIENT_H

#endif

/*
 * The host's end of the ssh path (`rsh bootstrap --stdio`, `--relay`): datagrams framed
 * on a byte stream (dgram_stream.h, ssh's stdin and stdout) go to the server's UDP port
 * from a socket of the relay's own, and what the server sends back to that socket goes
 * out on the stream. The relay holds no key and looks at nothing but the frames: to the
 * server it is one more address a client's datagrams come from, so authentication, the
 * replay window and roaming (the server answers the newest authentic datagram's source)
 * stay the rules of UDP, and a client may move between UDP and the relay at any datagram.
 */
#ifndef RSH_NET_RELAY_H
#define RSH_NET_RELAY_H

#include <sys/socket.h>

/*
 * Relays between the stream (read from in, written to out) and the server at addr until
 * in ends. Returns 0 at the stream's end, 1 having said on stderr why it stopped (a
 * broken stream, a socket error).
 */
int net_relay_run(int in, int out, const struct sockaddr *addr, socklen_t len);

#endif

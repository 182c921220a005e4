/*
 * Sealing and opening datagrams with ChaCha20-Poly1305-IETF (libsodium).
 *
 * The 12-byte nonce is four zero bytes followed by the 8-byte big-endian sequence number
 * of the packet; the clear header (connection id and sequence) is the associated data.
 * Keys live in sodium_malloc'd memory (guard pages, no swap) and are wiped when freed.
 */
#ifndef RSH_NET_CRYPTO_H
#define RSH_NET_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NET_KEY_LEN 32
#define NET_TAG_LEN 16

typedef struct net_key net_key;

/* Initialises libsodium once; fatal if it cannot. Every other function here calls it. */
void net_crypto_init(void);

net_key *net_key_new(const uint8_t key[NET_KEY_LEN]);
void net_key_free(net_key *k);
/* Fills buf with len random bytes from libsodium. */
void net_random(void *buf, size_t len);

/* Encrypts len bytes of plain into out (len + NET_TAG_LEN bytes), authenticating ad too. */
void net_seal(const net_key *k, uint64_t seq, const uint8_t *ad, size_t adlen,
	      const uint8_t *plain, size_t len, uint8_t *out);
/* Decrypts len bytes (ciphertext and tag) into out (len - NET_TAG_LEN bytes); false when
 * the tag is wrong, and then out holds nothing of use. */
bool net_open(const net_key *k, uint64_t seq, const uint8_t *ad, size_t adlen,
	      const uint8_t *in, size_t len, uint8_t *out);

#endif

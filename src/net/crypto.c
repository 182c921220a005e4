/* ChaCha20-Poly1305-IETF sealing with keys in protected memory. */
#include "crypto.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "packet.h"

struct net_key {
	uint8_t bytes[NET_KEY_LEN];
};

void net_crypto_init(void)
{
	/* sodium_init is itself idempotent and thread-safe; failing means no entropy. */
	if (sodium_init() < 0) {
		fprintf(stderr, "rsh: libsodium cannot initialise\n");
		abort();
	}
}

net_key *net_key_new(const uint8_t key[NET_KEY_LEN])
{
	net_crypto_init();
	net_key *k = sodium_malloc(sizeof *k);
	if (k == NULL) {
		fprintf(stderr, "rsh: out of protected memory\n");
		abort();
	}
	memcpy(k->bytes, key, NET_KEY_LEN);
	return k;
}

void net_key_free(net_key *k)
{
	if (k == NULL)
		return;
	sodium_memzero(k->bytes, sizeof k->bytes);
	sodium_free(k);
}

void net_random(void *buf, size_t len)
{
	net_crypto_init();
	randombytes_buf(buf, len);
}

static void make_nonce(uint64_t seq, uint8_t nonce[crypto_aead_chacha20poly1305_IETF_NPUBBYTES])
{
	memset(nonce, 0, crypto_aead_chacha20poly1305_IETF_NPUBBYTES);
	net_put_u64(nonce + crypto_aead_chacha20poly1305_IETF_NPUBBYTES - 8, seq);
}

void net_seal(const net_key *k, uint64_t seq, const uint8_t *ad, size_t adlen,
	      const uint8_t *plain, size_t len, uint8_t *out)
{
	uint8_t nonce[crypto_aead_chacha20poly1305_IETF_NPUBBYTES];
	make_nonce(seq, nonce);
	crypto_aead_chacha20poly1305_ietf_encrypt(out, NULL, plain, len, ad, adlen, NULL, nonce,
						  k->bytes);
}

bool net_open(const net_key *k, uint64_t seq, const uint8_t *ad, size_t adlen,
	      const uint8_t *in, size_t len, uint8_t *out)
{
	uint8_t nonce[crypto_aead_chacha20poly1305_IETF_NPUBBYTES];
	if (len < NET_TAG_LEN)
		return false;
	make_nonce(seq, nonce);
	return crypto_aead_chacha20poly1305_ietf_decrypt(out, NULL, NULL, in, len, ad, adlen,
							 nonce, k->bytes) == 0;
}

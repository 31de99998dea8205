#ifndef IMPRENTA_CCRYPTO_SHIM_H
#define IMPRENTA_CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for its message digests only (SHA-256 build keys, SHA-1 EPUB identifiers).
#include <openssl/evp.h>
#endif

#pragma once

#include <string>

struct ssl_ctx_st;
struct ssl_st;

// The generator's TLS client settings: one OpenSSL context shared by every worker thread (an
// SSL_CTX may hand out sessions from several threads). TLS 1.2 or newer with the library's
// default ciphers. Without a CA file the server's certificate is not checked (benchmark servers
// use self-signed certificates); with one, the chain and the host name or address are verified.
class TlsClientContext
{
public:
    // maxFragment: the most plaintext bytes per record (512..16384); 0 keeps OpenSSL's 16384.
    TlsClientContext(const std::string& caFile, int maxFragment);
    ~TlsClientContext();
    TlsClientContext(const TlsClientContext&) = delete;
    TlsClientContext& operator=(const TlsClientContext&) = delete;

    bool isValid() const { return m_context != nullptr; }
    const std::string& errorString() const { return m_error; }
    bool verifies() const { return m_verify; }

    // A client session on a connected (or connecting) socket; nullptr on failure. The caller
    // owns it (TlsSessionFree).
    ssl_st* newSession(int fd, const std::string& host, std::string& error) const;

private:
    ssl_ctx_st* m_context = nullptr;
    bool m_verify = false;
    std::string m_error;
};

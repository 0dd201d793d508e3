#include "tlsclientcontext.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace {

std::string lastError(const char* what)
{
    char text[256];
    const unsigned long code = ERR_get_error();
    if (code == 0)
        return what;
    ERR_error_string_n(code, text, sizeof(text));
    ERR_clear_error();
    return std::string(what) + ": " + text;
}

bool isAddressLiteral(const std::string& host)
{
    ASN1_OCTET_STRING* address = a2i_IPADDRESS(host.c_str());
    if (!address)
        return false;
    ASN1_OCTET_STRING_free(address);
    return true;
}

} // namespace

TlsClientContext::TlsClientContext(const std::string& caFile, int maxFragment)
    : m_verify(!caFile.empty())
{
    SSL_CTX* context = SSL_CTX_new(TLS_client_method());
    if (!context) {
        m_error = lastError("SSL_CTX_new");
        return;
    }
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    // A server that closes without close_notify has simply closed the connection.
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);
    // The unsent bytes live in a std::string that may move or grow between retries, and a
    // large queue may leave in several calls.
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (maxFragment > 0 && SSL_CTX_set_max_send_fragment(context, maxFragment) != 1) {
        m_error = lastError("SSL_CTX_set_max_send_fragment");
        SSL_CTX_free(context);
        return;
    }
    if (m_verify) {
        if (SSL_CTX_load_verify_locations(context, caFile.c_str(), nullptr) != 1) {
            m_error = lastError(("cannot load " + caFile).c_str());
            SSL_CTX_free(context);
            return;
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    } else {
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
    }
    m_context = context;
}

TlsClientContext::~TlsClientContext()
{
    SSL_CTX_free(m_context);
}

ssl_st* TlsClientContext::newSession(int fd, const std::string& host, std::string& error) const
{
    SSL* ssl = SSL_new(m_context);
    if (!ssl) {
        error = lastError("SSL_new");
        return nullptr;
    }
    const bool literal = isAddressLiteral(host);
    // SNI carries host names only, never addresses (RFC 6066).
    if ((!literal && SSL_set_tlsext_host_name(ssl, host.c_str()) != 1) ||
        (m_verify && SSL_set1_host(ssl, host.c_str()) != 1) || SSL_set_fd(ssl, fd) != 1) {
        error = lastError("TLS session set-up");
        SSL_free(ssl);
        return nullptr;
    }
    SSL_set_connect_state(ssl);
    return ssl;
}
